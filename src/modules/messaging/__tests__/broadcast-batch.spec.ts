import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { MESSAGING_MODULE } from ".."
import type { AudienceMember } from "../../../types/broadcast"
import MessagingModuleService from "../service"

jest.setTimeout(60_000)

const member = (n: number, reason: AudienceMember["reason"] = null): AudienceMember => ({
  affiliate_id: `aff_batch_${n}`,
  affiliate_name: `Affiliate ${n}`,
  affiliate_email: `a${n}@batch.test`,
  affiliate_status: "active",
  affiliate_group_id: n % 2 ? "affgrp_odd" : null,
  affiliate_manager_id: null,
  reason,
})

moduleIntegrationTestRunner<MessagingModuleService>({
  moduleName: MESSAGING_MODULE,
  resolve: "./src/modules/messaging",
  pathToMigrations: "./src/modules/messaging/migrations",
  moduleOptions: { messagingEnabledByDefault: true },
  testSuite: ({ service, MikroOrmWrapper }) => {
    const sql = async (text: string, bindings: unknown[] = []) =>
      (await MikroOrmWrapper.getManager().execute(text, bindings)) as any[]

    const sending = async (members: AudienceMember[], body = "Hi {{affiliate.name}} from {{store.name}}") => {
      const broadcast = await service.createBroadcast({
        body,
        audience: { statuses: ["active"] },
        attachment_ids: [],
        created_by: "user_batch",
        author_name: "Ann Admin",
        scheduled_at: null,
      })
      expect(await service.startDueBroadcasts(1)).toEqual([{ id: broadcast.id, runs: 1 }])
      expect(await service.freezeBroadcastRecipients({ broadcast_id: broadcast.id, members })).toBe(true)
      // frozen once: a rerun keeps the list
      expect(await service.freezeBroadcastRecipients({ broadcast_id: broadcast.id, members: [member(99)] })).toBe(false)
      return broadcast.id
    }
    const batch = (broadcast_id: string, size = 2) => service.writeBroadcastBatch({ broadcast_id, size, store_name: "Acme" })
    const copiesPerAffiliate = async (broadcastId: string) =>
      await sql(
        `select c.affiliate_id, count(m.id)::int as n, max(c.message_count)::int as message_count
         from affiliate_message m join affiliate_conversation c on c.id = m.conversation_id
         where m.broadcast_id = ? group by c.affiliate_id order by c.affiliate_id`,
        [broadcastId]
      )
    const tallyMatchesRows = async () => {
      const [tally] = await sql("select coalesce(sum(conversation_delta), 0)::int as n from affiliate_inbox_tally")
      const [rows] = await sql("select count(*)::int as n from affiliate_conversation where deleted_at is null and last_message_at is not null")
      expect(tally.n).toBe(rows.n)
    }

    it("writes each affiliate's copy exactly once: a batch that dies before its commit is written again, whole", async () => {
      // an existing team thread gets the copy appended, the others are started
      const { conversation } = await service.openConversation({
        audience: { affiliate_id: "aff_batch_1", member_id: null },
        affiliate: { ...member(1), affiliate_status: "active" },
        member: null,
      })
      await service.appendMessage({ conversation_id: conversation.id, author_type: "affiliate", author_id: "affmem_1", author_name: "M", body: "Hello" })
      const id = await sending([member(1), member(2), member(3), member(4), member(5, "no_members")])

      // the worker dies inside the batch: its transaction rolls back, the recipients stay pending
      let killed: string[] = []
      await expect(
        MikroOrmWrapper.getManager().transactional(async (transactionManager) => {
          const written = await service.writeBroadcastBatch({ broadcast_id: id, size: 2, store_name: "Acme" }, { transactionManager } as any)
          expect(written.messages).toHaveLength(2)
          killed = written.messages.map((m) => m.affiliate_id).sort()
          throw new Error("killed")
        })
      ).rejects.toThrow("killed")
      expect(await copiesPerAffiliate(id)).toEqual([])

      const first = await batch(id)
      expect(first).toEqual(expect.objectContaining({ sending: true, claimed: 2, skipped: 0 }))
      expect(first.messages.map((m) => m.affiliate_id).sort()).toEqual(killed)
      // the next run goes on from the last committed batch
      await batch(id)
      const last = await batch(id)
      expect(last.claimed).toBe(0)
      expect(await service.finishBroadcast(id)).toBe(true)
      expect(await service.finishBroadcast(id)).toBe(false)

      expect(await copiesPerAffiliate(id)).toEqual([
        { affiliate_id: "aff_batch_1", n: 1, message_count: 2 },
        { affiliate_id: "aff_batch_2", n: 1, message_count: 1 },
        { affiliate_id: "aff_batch_3", n: 1, message_count: 1 },
        { affiliate_id: "aff_batch_4", n: 1, message_count: 1 },
      ])
      const [copy] = await sql(
        `select m.body, m.author_type, m.author_id, m.author_name, m.created_at = c.last_message_at as latest, c.last_message_preview,
                c.owner_unread, c.affiliate_group_id
         from affiliate_message m join affiliate_conversation c on c.id = m.conversation_id
         where m.broadcast_id = ? and c.affiliate_id = 'aff_batch_3'`,
        [id]
      )
      expect(copy).toEqual({
        body: "Hi Affiliate 3 from Acme",
        author_type: "owner",
        author_id: "user_batch",
        author_name: "Ann Admin",
        latest: true,
        last_message_preview: "Hi Affiliate 3 from Acme",
        owner_unread: false,
        affiliate_group_id: "affgrp_odd",
      })
      // the affiliate's unread message before the broadcast stays unread for the admins
      const [first1] = await sql("select owner_unread, message_count from affiliate_conversation where affiliate_id = 'aff_batch_1'")
      expect(first1).toEqual({ owner_unread: true, message_count: 2 })
      await tallyMatchesRows()

      const broadcast = await service.retrieveBroadcast(id)
      expect(broadcast).toEqual(
        expect.objectContaining({ status: "sent", recipient_count: 5, delivered_count: 4, skipped_count: 1, read_count: 0, replied_count: 0 })
      )
      const { recipients } = await service.listBroadcastRecipients({ broadcast_id: id, limit: 10, offset: 0 })
      expect(recipients.map((r) => [r.affiliate_id, r.status, r.reason])).toEqual([
        ["aff_batch_1", "delivered", null],
        ["aff_batch_2", "delivered", null],
        ["aff_batch_3", "delivered", null],
        ["aff_batch_4", "delivered", null],
        ["aff_batch_5", "skipped", "no_members"],
      ])
      // the index refuses a second copy in a thread, whatever writes it
      const [thread] = await sql("select id from affiliate_conversation where affiliate_id = 'aff_batch_2'")
      await expect(
        sql(
          `insert into affiliate_message (id, conversation_id, author_type, author_name, body, source, broadcast_id, created_at, updated_at)
           values ('msg_dup', ?, 'owner', 'x', 'x', 'app', ?, now(), now())`,
          [thread.id, id]
        )
      ).rejects.toThrow(/IDX_message_broadcast_unique|duplicate/)
    })

    it("two workers writing one broadcast at once claim different recipients", async () => {
      const members = Array.from({ length: 40 }, (_, n) => member(100 + n))
      const id = await sending(members, "Same for all")
      const runs = await Promise.all([0, 1, 2].map(async () => {
        let written = 0
        for (;;) {
          const result = await batch(id, 7)
          if (!result.claimed) return written
          written += result.messages.length
        }
      }))
      expect(runs.reduce((sum, n) => sum + n, 0)).toBe(40)
      const copies = await copiesPerAffiliate(id)
      expect(copies).toHaveLength(40)
      expect(copies.every((row: any) => row.n === 1)).toBe(true)
      await tallyMatchesRows()
    })

    it("a cancel stops the batches; only one broadcast sends at a time and the lease keeps a second writer out", async () => {
      const id = await sending([member(200), member(201), member(202)])
      const next = await service.createBroadcast({
        body: "Next", audience: { statuses: ["active"] }, attachment_ids: [], created_by: "user_batch", author_name: "A", scheduled_at: null,
      })
      // the first one is sending: the second waits
      expect(await service.startDueBroadcasts(1)).toEqual([])
      expect(await service.leaseBroadcast({ broadcast_id: id, owner: "worker-a", seconds: 30 })).toBe(true)
      expect(await service.leaseBroadcast({ broadcast_id: id, owner: "worker-b", seconds: 30 })).toBe(false)
      expect(await service.takeStalledBroadcasts({ quiet_seconds: 0 })).toEqual([])
      await batch(id, 1)
      expect(await service.cancelBroadcast(id)).toBe("sending")
      expect(await batch(id, 1)).toEqual(expect.objectContaining({ sending: false, claimed: 0 }))
      expect(await copiesPerAffiliate(id)).toHaveLength(1)
      expect(await service.cancelBroadcast(id)).toBe("cancelled")
      // its slot is free: the waiting one starts
      expect(await service.startDueBroadcasts(1)).toEqual([{ id: next.id, runs: 1 }])
      // a lapsed lease hands the broadcast to one caller
      await sql("update affiliate_broadcast set lease_until = now() - interval '1 second' where id = ?", [next.id])
      expect(await service.takeStalledBroadcasts({ quiet_seconds: 0 })).toEqual([{ id: next.id, runs: 2 }])
      expect(await service.takeStalledBroadcasts({ quiet_seconds: 30 })).toEqual([])
    })
  },
})
