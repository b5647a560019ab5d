import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { PUBLISHABLE_KEY_MEMO_MS, publishableKeyMemo } from "../../src/utils/publishable-key-memo"
import { eventually } from "../helpers/eventually"
import { httpClient } from "../helpers/http-client"
import { createProgram } from "../helpers/program"

jest.setTimeout(120_000)

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * The seam `publishable-key-check.ts` (decision 0044) in a running store:
 * Medusa's verdict on a publishable key is reused for 5 s on the plugin's
 * store routes, never a refusal, and dropped when Medusa announces a
 * revocation.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    const setUp = async () => {
      const http = httpClient(api)
      const program = await createProgram(http, getContainer())
      const team = await program.team("Keyed", "boss@keyed.test")
      const keyRow = (await dbConnection.raw("select id from api_key where token = ?", [program.publishableKey])).rows[0]
      const pluginRoute = () => http.get("/store/affiliates/me", team.headers)
      // one of Medusa's own store routes: only the publishable key guards it
      const medusaRoute = () => http.get("/store/regions", { "x-publishable-api-key": program.publishableKey })
      return { http, program, team, keyId: keyRow.id as string, pluginRoute, medusaRoute }
    }

    // Guard: when this fails, Medusa's own check no longer reads the key on
    // every request (it caches it without its Caching Module): drop the
    // memo of the seam (its step 2), Medusa does the same job.
    it("is needed, and reuses Medusa's verdict for 5 s: a key revoked behind Medusa's back is refused at once by Medusa's routes and by the plugin's once the 5 s are over", async () => {
      const { keyId, pluginRoute, medusaRoute } = await setUp()
      expect((await pluginRoute()).status).toBe(200)
      expect((await medusaRoute()).status).toBe(200)

      // no event announces this revocation: only the memo's age ends it
      await dbConnection.raw("update api_key set revoked_at = now() - interval '1 second' where id = ?", [keyId])
      const refusedAt = Date.now()
      const medusa = await medusaRoute()
      expect(medusa.status).toBe(400)
      expect(medusa.data.message).toMatch(/valid publishable key/)
      expect((await pluginRoute()).status).toBe(200)

      await sleep(PUBLISHABLE_KEY_MEMO_MS - (Date.now() - refusedAt) + 100)
      const plugin = await pluginRoute()
      expect(plugin.status).toBe(400)
      expect(plugin.data.message).toMatch(/valid publishable key/)
    })

    it("drops every verdict when Medusa revokes a key through its API: refused at once", async () => {
      const { http, program, keyId, pluginRoute } = await setUp()
      expect((await pluginRoute()).status).toBe(200)
      expect(publishableKeyMemo.size).toBeGreaterThan(0)

      const revoked = await http.post(`/admin/api-keys/${keyId}/revoke`, {}, program.admin.headers)
      expect(revoked.status).toBe(200)
      // within the event's delivery, well inside the memo's 5 s
      await eventually(async () => expect((await pluginRoute()).status).toBe(400), { timeoutMs: 2_000, intervalMs: 100 })
    })

    it("never remembers a refusal: an unknown key is refused by Medusa on every request and fills nothing", async () => {
      const { http, team } = await setUp()
      publishableKeyMemo.clear()
      const headers = { ...team.headers, "x-publishable-api-key": "pk_not_a_key" }
      for (let i = 0; i < 3; i++) {
        const res = await http.get("/store/affiliates/me", headers)
        expect(res.status).toBe(400)
        expect(res.data.message).toMatch(/valid publishable key/)
      }
      expect(publishableKeyMemo.size).toBe(0)
      // and a missing key is Medusa's refusal too
      const { "x-publishable-api-key": _key, ...withoutKey } = team.headers as Record<string, string>
      const missing = await http.get("/store/affiliates/me", withoutKey)
      expect(missing.status).toBe(400)
      expect(missing.data.message).toMatch(/Publishable API key required/)
    })
  },
})
