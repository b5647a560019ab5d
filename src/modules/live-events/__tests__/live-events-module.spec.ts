import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { LIVE_EVENTS_MODULE } from ".."
import LiveEventsModuleService from "../service"

jest.setTimeout(60_000)

/** The fact log and the stream tickets against Postgres: what the repositories' statements do. */
moduleIntegrationTestRunner<LiveEventsModuleService>({
  moduleName: LIVE_EVENTS_MODULE,
  resolve: "./src/modules/live-events",
  pathToMigrations: "./src/modules/live-events/migrations",
  moduleOptions: { liveUpdates: { eventRetentionSeconds: 3600 } },
  testSuite: ({ service, MikroOrmWrapper }) => {
    const age = async (table: string, column: string, hours: number) =>
      await MikroOrmWrapper.forkManager().execute(
        `update ${table} set ${column} = ${column} - make_interval(hours => ${hours})`
      )

    describe("LiveEventsModuleService", () => {
      it("records facts in seq order and replays the retained ones after a seq", async () => {
        const head = await service.retrieveHeadSeq()
        const facts = await service.record([
          { name: "message.created", conversation_id: "conv_1", affiliate_id: "aff_1", data: { message_id: "msg_1" } },
          { name: "conversation.read", conversation_id: "conv_1", data: { reader_type: "owner" } },
        ])
        expect(facts.map((fact) => fact.seq)).toEqual([head + 1, head + 2])
        expect(facts[0]).toMatchObject({ member_id: null, group_id: null, data: { message_id: "msg_1" } })

        expect(await service.retrieveHeadSeq()).toBe(head + 2)
        expect((await service.listFactsAfter(head, 10)).map((fact) => fact.name)).toEqual([
          "message.created",
          "conversation.read",
        ])
        expect(await service.listFactsAfter(head + 1, 10)).toEqual([facts[1]])
        expect(await service.retrieveReplayWindow(head)).toEqual({ head: head + 2, complete: true })
        expect(await service.retrieveReplayWindow(head + 2)).toEqual({ head: head + 2, complete: true })
      })

      it("purges facts past retention but the newest, and says how many it removed", async () => {
        await service.record([{ name: "settings.updated" }, { name: "settings.updated" }, { name: "settings.updated" }])
        const before = await service.retrieveHeadSeq()
        await age("affiliate_live_event", "created_at", 2)

        const purged = await service.purgeExpired()
        expect(purged.facts).toBe(2)
        expect(await service.retrieveHeadSeq()).toBe(before)
        expect(await service.retrieveReplayWindow(before - 1)).toEqual({ head: before, complete: false })
        expect(await service.purgeExpired()).toEqual({ facts: 0, tickets: 0 })
      })

      it("grants a stream ticket once, and purges tickets expired an hour ago", async () => {
        const grant = { member_id: "affmem_1", session_id: "sess_1", auth_expires_at: null }
        const { ticket } = await service.issueStreamTicket(grant)
        expect(await service.useStreamTicket(ticket)).toEqual(grant)
        expect(await service.useStreamTicket(ticket)).toBeNull()
        expect(await service.useStreamTicket("not-a-ticket")).toBeNull()

        await service.issueStreamTicket(grant)
        await age("affiliate_stream_ticket", "expires_at", 2)
        expect((await service.purgeExpired()).tickets).toBe(2)
      })
    })
  },
})
