import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ADMIN_NAME_MEMO_MS } from "../../src/utils/admin-name-memo"
import { PUBLISHABLE_KEY_MEMO_MS, publishableKeyMemo } from "../../src/utils/publishable-key-memo"
import { createAdmin } from "../helpers/actors"
import { outliveMemo } from "../helpers/clock"
import { eventually } from "../helpers/eventually"
import { httpClient } from "../helpers/http-client"
import { createProgram } from "../helpers/program"

jest.setTimeout(120_000)

/**
 * Answers of Medusa's the plugin reuses for 5 s in a running store, and
 * what ends them early: its publishable key verdicts on the plugin's store
 * routes (decision 0044, the seam `publishable-key-check.ts`) and the
 * admin's name an owner's send signs with (decision 0045).
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    const setUp = async () => {
      const http = httpClient(api)
      const program = await createProgram(http, getContainer())
      const team = await program.team("Remembered", "boss@remembered.test")
      return { http, program, team }
    }

    describe("publishable key verdicts", () => {
      const keyed = async () => {
        const { http, program, team } = await setUp()
        const keyRow = (await dbConnection.raw("select id from api_key where token = ?", [program.publishableKey])).rows[0]
        const pluginRoute = () => http.get("/store/affiliates/me", team.headers)
        // one of Medusa's own store routes: only the publishable key guards it
        const medusaRoute = () => http.get("/store/regions", { "x-publishable-api-key": program.publishableKey })
        return { http, program, team, keyId: keyRow.id as string, pluginRoute, medusaRoute }
      }

      it("is needed, and reuses Medusa's verdict for 5 s: a key revoked behind Medusa's back is refused at once by Medusa's routes and by the plugin's once the 5 s are over", async () => {
        const { keyId, pluginRoute, medusaRoute } = await keyed()
        // the verdict's 5 s start with this request, not with the sign-up's
        publishableKeyMemo.clear()
        expect((await pluginRoute()).status).toBe(200)
        expect((await medusaRoute()).status).toBe(200)

        // no event announces this revocation: only the memo's age ends it
        await dbConnection.raw("update api_key set revoked_at = now() - interval '1 second' where id = ?", [keyId])
        const refusedAt = Date.now()
        const medusa = await medusaRoute()
        expect(medusa.status).toBe(400)
        expect(medusa.data.message).toMatch(/valid publishable key/)
        expect((await pluginRoute()).status).toBe(200)

        await outliveMemo(PUBLISHABLE_KEY_MEMO_MS, refusedAt)
        const plugin = await pluginRoute()
        expect(plugin.status).toBe(400)
        expect(plugin.data.message).toMatch(/valid publishable key/)
      })

      it("drops every verdict when Medusa revokes a key through its API: refused at once", async () => {
        const { http, program, keyId, pluginRoute } = await keyed()
        expect((await pluginRoute()).status).toBe(200)
        expect(publishableKeyMemo.size).toBeGreaterThan(0)

        const revoked = await http.post(`/admin/api-keys/${keyId}/revoke`, {}, program.admin.headers)
        expect(revoked.status).toBe(200)
        // within the event's delivery, well inside the memo's 5 s
        await eventually(async () => expect((await pluginRoute()).status).toBe(400), { timeoutMs: 2_000, intervalMs: 100 })
      })

      it("never remembers a refusal: an unknown key is refused by Medusa on every request and fills nothing", async () => {
        const { http, team } = await keyed()
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
    })

    describe("admins' names", () => {
      const signed = async () => {
        const { http, program, team } = await setUp()
        const started = await http.post("/admin/conversations", { affiliate_id: team.affiliate_id, body: "Hello" }, program.admin.headers)
        expect(started.status).toBe(201)
        const conversationId = started.data.conversation.id as string
        const send = (headers: Record<string, string>) =>
          http.post(`/admin/conversations/${conversationId}/messages`, { body: "Signed?" }, headers)
        const signature = async (headers: Record<string, string>) => {
          const sent = await send(headers)
          expect(sent.status).toBe(200)
          return sent.data.message.author.name as string
        }
        return { http, program, send, signature }
      }

      it("signs with a name changed through Medusa's API at once, and with one changed behind its back within 5 s", async () => {
        const { http, program, signature } = await signed()
        const headers = program.admin.headers
        expect(await signature(headers)).toBe("admin@test.dev")

        const renamed = await http.post(`/admin/users/${program.admin.user.id}`, { first_name: "Ada", last_name: "Lovelace" }, headers)
        expect(renamed.status).toBe(200)
        // Medusa's user.updated drops the name within the event's delivery
        await eventually(async () => expect(await signature(headers)).toBe("Ada Lovelace"), { timeoutMs: 2_000, intervalMs: 100 })

        await dbConnection.raw(`update "user" set first_name = 'Grace', last_name = 'Hopper' where id = ?`, [program.admin.user.id])
        const changedAt = Date.now()
        expect(await signature(headers)).toBe("Ada Lovelace")
        await outliveMemo(ADMIN_NAME_MEMO_MS, changedAt)
        expect(await signature(headers)).toBe("Grace Hopper")
      })

      it("refuses a deleted admin's send (401) once Medusa has deleted the account, though its token is still valid", async () => {
        const { http, program, send } = await signed()
        const other = await createAdmin(http, getContainer(), "leaving@test.dev")
        expect((await send(other.headers)).status).toBe(200)

        const removed = await http.delete(`/admin/users/${other.user.id}`, program.admin.headers)
        expect(removed.status).toBe(200)
        await eventually(
          async () => {
            const refused = await send(other.headers)
            expect(refused.status).toBe(401)
            expect(refused.data.message).toBe("The sender's account no longer exists")
          },
          { timeoutMs: 2_000, intervalMs: 100 }
        )
      })
    })
  },
})
