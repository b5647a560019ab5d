import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ADMIN_NAME_MEMO_MS } from "../../src/utils/admin-name-memo"
import { createAdmin } from "../helpers/actors"
import { eventually } from "../helpers/eventually"
import { httpClient } from "../helpers/http-client"
import { createProgram } from "../helpers/program"

jest.setTimeout(120_000)

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * An owner's send signs with the admin's name as Medusa's User Module last
 * gave it within 5 s (decision 0045): Medusa's own changes reach the next
 * send at once, changes Medusa does not announce within 5 s.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    const setUp = async () => {
      const http = httpClient(api)
      const program = await createProgram(http, getContainer())
      const team = await program.team("Signed", "boss@signed.test")
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
      const { http, program, signature } = await setUp()
      const headers = program.admin.headers
      expect(await signature(headers)).toBe("admin@test.dev")

      const renamed = await http.post(`/admin/users/${program.admin.user.id}`, { first_name: "Ada", last_name: "Lovelace" }, headers)
      expect(renamed.status).toBe(200)
      // Medusa's user.updated drops the name within the event's delivery
      await eventually(async () => expect(await signature(headers)).toBe("Ada Lovelace"), { timeoutMs: 2_000, intervalMs: 100 })

      await dbConnection.raw(`update "user" set first_name = 'Grace', last_name = 'Hopper' where id = ?`, [program.admin.user.id])
      const changedAt = Date.now()
      expect(await signature(headers)).toBe("Ada Lovelace")
      await sleep(ADMIN_NAME_MEMO_MS - (Date.now() - changedAt) + 100)
      expect(await signature(headers)).toBe("Grace Hopper")
    })

    it("refuses a deleted admin's send (401) once Medusa has deleted the account, though its token is still valid", async () => {
      const { http, program, send } = await setUp()
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
  },
})
