import { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { MESSAGING_MODULE } from ".."
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { InboxQuery, ThreadPageQuery } from "../../../types/messaging-module"
import { InboxRepository } from "../repositories/inbox"
import { SearchRepository } from "../repositories/search"
import { CommonTrigrams, commonTrigramsFromRows } from "../repositories/sql/search-probes"
import { TallyRepository } from "../repositories/tally"
import { ThreadPageRepository } from "../repositories/thread-page"
import MessagingModuleService from "../service"
import { analyzedPlanNodes } from "./query-plan"

jest.setTimeout(60_000)

const affiliateFields = {
  affiliate_name: "Acme Media",
  affiliate_email: "team@acme.test",
  affiliate_status: "active" as const,
  affiliate_group_id: null,
  affiliate_manager_id: null,
}

const PARTNER_TRIGRAMS = ["par", "art", "rtn", "tne", "ner"]

const memberFields = (id: string) => ({
  member_first_name: "Member",
  member_last_name: id,
  member_email: `${id}@acme.test`,
})

moduleIntegrationTestRunner<MessagingModuleService>({
  moduleName: MESSAGING_MODULE,
  resolve: "./src/modules/messaging",
  pathToMigrations: "./src/modules/messaging/migrations",
  moduleOptions: { messagingEnabledByDefault: false },
  testSuite: ({ service, MikroOrmWrapper }) => {
    const sql = async (text: string, bindings: unknown[] = []) =>
      (await MikroOrmWrapper.getManager().execute(text, bindings)) as any[]
    // the repositories' statements as text and bindings, for EXPLAIN
    const textOf = (statement: Knex.QueryBuilder) => {
      const { sql: text, bindings } = statement.toSQL()
      return { sql: text, bindings: bindings as unknown[] }
    }
    const repositories = () => {
      const manager = MikroOrmWrapper.getManager()
      const searchRepository = new SearchRepository({ manager })
      const inbox = new InboxRepository({ manager, searchRepository, tallyRepository: new TallyRepository({ manager }) })
      return { knex: manager.getKnex(), search: searchRepository, inbox, threadPage: new ThreadPageRepository({ manager }) }
    }
    const inboxSql = (query: InboxQuery, common?: CommonTrigrams) => {
      const { knex, inbox } = repositories()
      return textOf(inbox.inboxStatement(knex, query, common))
    }
    const threadPageSql = (query: ThreadPageQuery) => {
      const { knex, threadPage } = repositories()
      return textOf(threadPage.pageStatement(knex, query))
    }
    const readCommonTrigrams = async () => {
      const { knex, search } = repositories()
      const statistics = textOf(search.statisticsStatement(knex))
      return commonTrigramsFromRows(await sql(statistics.sql, statistics.bindings))
    }

    describe("claimNotificationSlots (affiliateEmailsPerHour)", () => {
      const hour = new Date("2026-01-01T10:00:00Z")
      const claim = (key: string, bucket = "aff_cap", period_start = hour) => ({
        key,
        bucket,
        period_start,
        recipient_key: "user_1",
        conversation_id: "conv_cap",
        message_ids: [`msg_${key}`],
      })

      it("lets exactly `cap` emails of a bucket and hour out under concurrency, holds the rest, keeps decisions on retry", async () => {
        const keys = Array.from({ length: 20 }, (_, i) => `k${i}`)
        const decisions = await Promise.all(keys.map((key) => service.claimNotificationSlots({ claims: [claim(key)], cap: 3 })))
        const held = decisions.flatMap((d) => [...d.keys()])
        expect(held).toHaveLength(17)
        expect(decisions.every((d) => [...d.values()].every((p) => p.getTime() === hour.getTime()))).toBe(true)

        // a retried job (same keys, even in a later hour) gets its first decision back
        const later = new Date("2026-01-01T11:00:00Z")
        const again = await service.claimNotificationSlots({ claims: keys.map((key) => claim(key, "aff_cap", later)), cap: 3 })
        expect([...again.keys()].sort()).toEqual([...held].sort())
        expect([...again.values()].every((p) => p.getTime() === hour.getTime())).toBe(true)

        // another bucket and the next hour have their own budgets
        expect((await service.claimNotificationSlots({ claims: [claim("other-1", "aff_other")], cap: 3 })).size).toBe(0)
        expect((await service.claimNotificationSlots({ claims: [claim("next-1", "aff_cap", later)], cap: 3 })).size).toBe(0)

        const listed = await service.listHeldNotifications({ bucket: "aff_cap", period_start: hour, recipient_key: "user_1" })
        expect(listed.flatMap((n) => n.message_ids).sort()).toEqual(held.map((key) => `msg_${key}`).sort())
        expect(await service.listHeldNotifications({ bucket: "aff_cap", period_start: hour, recipient_key: "user_2" })).toEqual([])
      })
    })

    describe("MessagingModuleService", () => {
      it("opens one conversation per audience, even when asked concurrently", async () => {
        const team = { affiliate_id: "aff_1", member_id: null }
        const opened = await Promise.all(
          Array.from({ length: 10 }, () => service.openConversation({ audience: team, affiliate: affiliateFields, member: null }))
        )
        expect(new Set(opened.map((o) => o.conversation.id)).size).toBe(1)
        expect(opened.filter((o) => o.created)).toHaveLength(1)
        expect(opened[0].conversation.id).toMatch(/^conv_/)

        const member = await service.openConversation({ audience: { affiliate_id: "aff_1", member_id: "affmem_1" }, affiliate: affiliateFields, member: memberFields("affmem_1") })
        expect(member.created).toBe(true)
        expect(member.conversation.id).not.toBe(opened[0].conversation.id)
      })

      it("mirrors a member thread's member and syncs it alone, reporting what it replaced", async () => {
        const mirrored = "select member_first_name, member_last_name, member_email from affiliate_conversation where id = ?"
        const team = await service.openConversation({ audience: { affiliate_id: "aff_m", member_id: null }, affiliate: affiliateFields, member: null })
        const one = await service.openConversation({ audience: { affiliate_id: "aff_m", member_id: "affmem_m1" }, affiliate: affiliateFields, member: memberFields("affmem_m1") })
        const two = await service.openConversation({ audience: { affiliate_id: "aff_m", member_id: "affmem_m2" }, affiliate: affiliateFields, member: memberFields("affmem_m2") })
        expect(await sql(mirrored, [one.conversation.id])).toEqual([memberFields("affmem_m1")])
        expect(await sql(mirrored, [team.conversation.id])).toEqual([
          { member_first_name: null, member_last_name: null, member_email: null },
        ])

        const renamed = { member_first_name: "Ann", member_last_name: null, member_email: "ann@acme.test" }
        expect(await service.updateMemberCopies({ member_id: "affmem_m1", fields: renamed })).toEqual(memberFields("affmem_m1"))
        expect(await service.updateMemberCopies({ member_id: "affmem_m1", fields: renamed })).toBeNull()
        expect(await sql(mirrored, [one.conversation.id])).toEqual([renamed])
        expect(await sql(mirrored, [two.conversation.id])).toEqual([memberFields("affmem_m2")])

        await sql("update affiliate_conversation set member_email = null where id in (?, ?)", [one.conversation.id, two.conversation.id])
        expect(await service.listMemberIdsWithoutCopies({ after: "", limit: 10 })).toEqual(["affmem_m1", "affmem_m2"])
        expect(await service.listMemberIdsWithoutCopies({ after: "affmem_m1", limit: 10 })).toEqual(["affmem_m2"])
        expect(await service.listMemberIdsWithoutCopies({ after: "", limit: 1 })).toEqual(["affmem_m1"])
      })

      it("appends with strictly increasing times and keeps the thread's counters", async () => {
        const { conversation } = await service.openConversation({ audience: { affiliate_id: "aff_2", member_id: null }, affiliate: affiliateFields, member: null })
        const appended = await Promise.all(
          Array.from({ length: 30 }, (_, i) =>
            service.appendMessage({
              conversation_id: conversation.id,
              author_type: i % 2 ? "owner" : "affiliate",
              author_id: "x",
              author_name: "X",
              body: `message ${i}`,
            })
          )
        )
        const rows = await sql(
          "select id, created_at from affiliate_message where conversation_id = ? order by created_at, id",
          [conversation.id]
        )
        expect(rows).toHaveLength(30)
        // no two messages of a thread share a timestamp, even when sent together
        const distinct = await sql(
          "select count(distinct created_at)::int as n from affiliate_message where conversation_id = ?",
          [conversation.id]
        )
        expect(distinct[0].n).toBe(30)

        const [after] = await service.listConversations({ id: conversation.id })
        expect(after.message_count).toBe(30)
        // to the microsecond: a timestamp that went through a JS Date would be cut to milliseconds
        const [exact] = await sql(
          `select c.last_message_at = max(m.created_at) as same, count(*) filter (where extract(microseconds from m.created_at)::int % 1000 <> 0)::int as sub_ms
             from affiliate_conversation c join affiliate_message m on m.conversation_id = c.id where c.id = ? group by c.id`,
          [conversation.id]
        )
        expect(exact.same).toBe(true)
        expect(exact.sub_ms).toBeGreaterThan(0)
        expect(appended.map((a) => a.message.id)).toEqual(expect.arrayContaining(rows.map((r) => r.id)))
      })

      it("reverting an append restores the thread as it was", async () => {
        const { conversation } = await service.openConversation({ audience: { affiliate_id: "aff_3", member_id: null }, affiliate: affiliateFields, member: null })
        await service.appendMessage({ conversation_id: conversation.id, author_type: "owner", author_id: "u", author_name: "U", body: "first" })
        const [before] = await service.listConversations({ id: conversation.id })
        const appended = await service.appendMessage({
          conversation_id: conversation.id,
          author_type: "affiliate",
          author_id: "m",
          author_name: "M",
          body: "second",
        })
        await service.revertAppendedMessage({
          message_id: appended.message.id,
          conversation_id: conversation.id,
          previous_owner_unread: appended.previous_owner_unread,
        })
        const [after] = await service.listConversations({ id: conversation.id })
        expect(after).toEqual(expect.objectContaining({
          message_count: before.message_count,
          last_message_preview: "first",
          owner_unread: false,
        }))
        expect(new Date(after.last_message_at!).getTime()).toBe(new Date(before.last_message_at!).getTime())
      })

      it("records where a message came from: the app unless told, email or a broadcast when given", async () => {
        const { conversation } = await service.openConversation({ audience: { affiliate_id: "aff_src", member_id: null }, affiliate: affiliateFields, member: null })
        const author = { conversation_id: conversation.id, author_type: "affiliate" as const, author_id: "m", author_name: "M" }
        const sent = [
          await service.appendMessage({ ...author, body: "typed" }),
          await service.appendMessage({ ...author, body: "emailed", source: "email" }),
          await service.appendMessage({ ...author, author_type: "owner", body: "to all", broadcast_id: "bc_1" }),
        ]
        const origin = (m: { body: string; source: string; broadcast_id: string | null }) => [m.body, m.source, m.broadcast_id]
        const expected = [
          ["typed", "app", null],
          ["emailed", "email", null],
          ["to all", "app", "bc_1"],
        ]
        expect(sent.map(({ message }) => origin(message))).toEqual(expected)
        const page = await service.listThreadPage({ conversation_id: conversation.id, limit: 10 })
        expect(page.messages.map(origin)).toEqual(expected)
        const stored = await service.listMessages({ conversation_id: conversation.id }, { order: { created_at: "ASC" } })
        expect(stored.map(origin)).toEqual(expected)
        // a source outside the enum never reaches a row
        await expect(service.appendMessage({ ...author, body: "x", source: "fax" as any })).rejects.toThrow()
      })

      it("a member's own message marks read what came before it, not an owner message after it", async () => {
        const { conversation } = await service.openConversation({ audience: { affiliate_id: "aff_5", member_id: null }, affiliate: affiliateFields, member: null })
        const own = await service.appendMessage({ conversation_id: conversation.id, author_type: "affiliate", author_id: "affmem_5", author_name: "M", body: "mine" })
        // the owner answers between the member's send and its read mark
        await service.appendMessage({ conversation_id: conversation.id, author_type: "owner", author_id: "u", author_name: "U", body: "reply" })
        await service.markMemberRead({ conversation_id: conversation.id, member_id: "affmem_5", up_to_message_id: own.message.id })
        expect(await service.isUnreadForMember({ conversation_id: conversation.id, member_id: "affmem_5" })).toBe(true)
        await service.markMemberRead({ conversation_id: conversation.id, member_id: "affmem_5" })
        expect(await service.isUnreadForMember({ conversation_id: conversation.id, member_id: "affmem_5" })).toBe(false)
      })

      it("creates the settings from the plugin option on first use", async () => {
        expect(await service.retrieveSettings()).toEqual({ enabled: false, notification_emails: [] })
        await service.updateSettings({ notification_emails: ["a@shop.test"] })
        expect(await service.retrieveSettings()).toEqual({ enabled: false, notification_emails: ["a@shop.test"] })
      })

      it("gives a member's badge its settings and unread conversations in one read, creating the settings on first use", async () => {
        const team = await service.openConversation({ audience: { affiliate_id: "aff_6", member_id: null }, affiliate: affiliateFields, member: null })
        const own = await service.openConversation({ audience: { affiliate_id: "aff_6", member_id: "affmem_6" }, affiliate: affiliateFields, member: memberFields("affmem_6") })
        const other = await service.openConversation({ audience: { affiliate_id: "aff_6", member_id: "affmem_7" }, affiliate: affiliateFields, member: memberFields("affmem_7") })
        for (const { conversation } of [team, own, other]) {
          await service.appendMessage({ conversation_id: conversation.id, author_type: "owner", author_id: "u", author_name: "U", body: "hello" })
        }
        expect(await service.retrieveMemberMessagingStatus({ affiliate_id: "aff_6", member_id: "affmem_6" })).toEqual({
          settings: { enabled: false, notification_emails: [] },
          unread_count: 2,
        })
        await service.markMemberRead({ conversation_id: team.conversation.id, member_id: "affmem_6" })
        await service.updateSettings({ enabled: true })
        expect(await service.retrieveMemberMessagingStatus({ affiliate_id: "aff_6", member_id: "affmem_6" })).toEqual({
          settings: { enabled: true, notification_emails: [] },
          unread_count: 1,
        })
      })

      it("counts the inbox from its tally exactly as counting the rows would, before and after folding it", async () => {
        const facts = (group: string | null, manager: string | null, status: "active" | "pending") => ({
          ...affiliateFields,
          affiliate_group_id: group,
          affiliate_manager_id: manager,
          affiliate_status: status,
        })
        const shapes = [
          facts("grp_a", "user_1", "active"),
          facts("grp_a", null, "pending"),
          facts("grp_b", "user_1", "active"),
          facts(null, "user_2", "active"),
        ]
        const opened = await Promise.all(
          Array.from({ length: 12 }, (_, i) =>
            service.openConversation({ audience: { affiliate_id: `aff_t${i}`, member_id: null }, affiliate: shapes[i % shapes.length], member: null })
          )
        )
        // one thread stays empty: not in the inbox
        const ids = opened.slice(1).map((o) => o.conversation.id)
        // affiliates write (unread), then the owner answers some, all at once
        await Promise.all(
          ids.map((id, i) =>
            service.appendMessage({ conversation_id: id, author_type: "affiliate", author_id: `m${i}`, author_name: "M", body: "hi" })
          )
        )
        await Promise.all(
          ids.filter((_, i) => i % 3 === 0).map((id) =>
            service.appendMessage({ conversation_id: id, author_type: "owner", author_id: "u", author_name: "U", body: "answer" })
          )
        )
        await service.setOwnerUnread({ ids: [ids[1], ids[3]], unread: false })
        await service.setOwnerUnread({ ids: [ids[0]], unread: true })
        // an affiliate moves group and manager; another is deleted outright
        await service.updateAffiliateCopies({ affiliate_id: "aff_t5", fields: facts("grp_b", "user_2", "active") })
        await sql(`delete from affiliate_message where conversation_id in
                     (select id from affiliate_conversation where affiliate_id = 'aff_t7')`)
        await sql("delete from affiliate_conversation where affiliate_id = 'aff_t7'")
        await sql("update affiliate_conversation set deleted_at = now() where affiliate_id = 'aff_t8'")

        const queries = [
          {},
          { unread: true },
          { unread: false },
          { group_id: ["grp_a"] },
          { group_id: ["grp_a", "grp_b"], unread: true },
          { manager_id: ["user_1"] },
          { manager_id: ["user_2"], affiliate_status: ["active" as const] },
          { affiliate_status: ["pending" as const] },
          { group_id: ["grp_none"] },
        ]
        const countedByRows = async (query: (typeof queries)[number]) => {
          const where = ["deleted_at is null", "last_message_at is not null"]
          const bindings: unknown[] = []
          const filters: [string, unknown[] | undefined][] = [
            ["affiliate_group_id", (query as any).group_id],
            ["affiliate_manager_id", (query as any).manager_id],
            ["affiliate_status", (query as any).affiliate_status],
          ]
          for (const [column, values] of filters) {
            if (values) {
              where.push(`${column} = any(string_to_array(?, ','))`)
              bindings.push(values.join(","))
            }
          }
          if ((query as any).unread !== undefined) {
            where.push("owner_unread = ?")
            bindings.push((query as any).unread)
          }
          const [{ n }] = await sql(`select count(*)::int as n from affiliate_conversation where ${where.join(" and ")}`, bindings)
          return n
        }
        const expectTallyToMatchRows = async () => {
          for (const query of queries) {
            const inbox = await service.listInbox({ ...query, limit: 5, offset: 0 })
            expect({ query, count: inbox.count }).toEqual({ query, count: await countedByRows(query) })
            expect(inbox.unread_count).toBe(await countedByRows({ unread: true }))
          }
        }
        await expectTallyToMatchRows()
        expect(await countedByRows({})).toBe(9)

        const [{ before }] = await sql("select count(*)::int as before from affiliate_inbox_tally")
        await service.compactInboxTally()
        const [{ after, keys }] = await sql(
          `select count(*)::int as after,
                  (select count(*)::int from (select distinct affiliate_group_id, affiliate_manager_id, affiliate_status, owner_unread
                     from affiliate_conversation where deleted_at is null and last_message_at is not null) k) as keys
             from affiliate_inbox_tally`
        )
        expect(after).toBeLessThan(before)
        expect(after).toBe(keys)
        await expectTallyToMatchRows()
      })

      it("serves inbox search from the trigram indexes", async () => {
        const { conversation } = await service.openConversation({ audience: { affiliate_id: "aff_4", member_id: null }, affiliate: affiliateFields, member: null })
        await service.appendMessage({ conversation_id: conversation.id, author_type: "affiliate", author_id: "m", author_name: "M", body: "Payout question" })
        const found = await service.listInbox({ q: "payout", limit: 10, offset: 0 })
        expect(found.conversations.map((c) => c.id)).toEqual([conversation.id])
        // names and emails are one line, and two characters are too few for message text
        expect(await service.listInbox({ q: "\nb", limit: 10, offset: 0 })).toEqual(
          expect.objectContaining({ conversations: [], count: 0 })
        )

        // the real inbox query must use both trigram indexes; at this size the
        // planner is told not to scan whole tables (`npm run bench` measures real scale)
        await sql(`insert into affiliate_conversation (id, affiliate_id, affiliate_name, affiliate_email, affiliate_status, last_message_at)
                   select 'conv_bulk_' || g, 'aff_bulk_' || g, 'Team ' || g, 'team' || g || '@bulk.test', 'active', now()
                     from generate_series(1, 2000) g`)
        await sql(`insert into affiliate_message (id, conversation_id, author_type, author_name, body)
                   select 'msg_bulk_' || g, 'conv_bulk_' || (g % 2000 + 1), 'owner', 'U', md5(g::text) || ' weekly note'
                     from generate_series(1, 20000) g`)
        await sql("vacuum analyze affiliate_conversation")
        await sql("vacuum analyze affiliate_message")
        const query = inboxSql({ q: "payout", limit: 20, offset: 0 })
        const manager = MikroOrmWrapper.getManager()
        await manager.execute("set enable_seqscan = off")
        const plan = await sql(`explain ${query.sql}`, query.bindings)
        await manager.execute("set enable_seqscan = on")
        const text = plan.map((row) => row["QUERY PLAN"]).join("\n")
        expect(text).toContain("IDX_affiliate_conversation_search_key_trgm")
        expect(text).toContain("IDX_affiliate_message_body_trgm")

        // many hits: the page is the newest of them, the count all of them,
        // also for a page past the end
        const everyNote = await sql(
          `select c.id from affiliate_conversation c
            where exists (select 1 from affiliate_message m where m.conversation_id = c.id and m.body ilike '%weekly note%')
            order by c.last_message_at desc, c.id desc`
        )
        const first = await service.listInbox({ q: "weekly note", limit: 20, offset: 0 })
        expect(first.count).toBe(2000)
        expect(first.conversations.map((c) => c.id)).toEqual(everyNote.slice(0, 20).map((row) => row.id))
        const later = await service.listInbox({ q: "weekly note", limit: 20, offset: 1990 })
        expect(later.conversations.map((c) => c.id)).toEqual(everyNote.slice(1990).map((row) => row.id))
        const pastTheEnd = await service.listInbox({ q: "weekly note", limit: 20, offset: 5000 })
        expect(pastTheEnd).toEqual(expect.objectContaining({ conversations: [], count: 2000 }))
        const filtered = await service.listInbox({ q: "weekly note", affiliate_id: ["aff_bulk_7"], limit: 20, offset: 0 })
        expect(filtered.count).toBe(1)
        expect(filtered.conversations.map((c) => c.id)).toEqual(["conv_bulk_7"])
      })

      it("asks the trigram indexes only for a search's rare parts, and finds what the whole search finds", async () => {
        // every name, email and message says "partner": asking the index for
        // its trigrams too costs a decoding of their posting lists per candidate
        await sql(`insert into affiliate_conversation (id, affiliate_id, affiliate_name, affiliate_email, affiliate_status, last_message_at)
                   select 'conv_p_' || g, 'aff_p_' || g, 'Partner ' || g, 'partner' || g || '@bench.test', 'active',
                          now() - g * interval '1 minute'
                     from generate_series(1, 3000) g`)
        await sql(`insert into affiliate_message (id, conversation_id, author_type, author_name, body)
                   select 'msg_p_' || g || '_' || i, 'conv_p_' || g, 'owner', 'U', 'Hi Partner ' || g || ', about the payout #' || i
                     from generate_series(1, 3000) g, generate_series(1, 3) i`)
        const manager = MikroOrmWrapper.getManager()
        const explainInbox = async (q: string, common?: ReturnType<typeof commonTrigramsFromRows>) => {
          const query = inboxSql({ q, limit: 20, offset: 0 }, common)
          await manager.execute("set enable_seqscan = off")
          const plan = await sql(`explain ${query.sql}`, query.bindings)
          await manager.execute("set enable_seqscan = on")
          return plan.map((row) => row["QUERY PLAN"] as string).filter((line) => /Index Cond|Index Scan/.test(line)).join("\n")
        }
        // before ANALYZE there is nothing to go by: every trigram is asked for
        const unknown = await readCommonTrigrams()
        expect([unknown.conversation.size, unknown.message.size]).toEqual([0, 0])
        expect(inboxSql({ q: "Partner 1234", limit: 20, offset: 0 }, unknown)).toEqual(inboxSql({ q: "Partner 1234", limit: 20, offset: 0 }))

        await sql("vacuum analyze affiliate_conversation")
        await sql("vacuum analyze affiliate_message")
        const common = await readCommonTrigrams()
        for (const side of [common.conversation, common.message]) {
          expect(PARTNER_TRIGRAMS.filter((trigram) => side.has(trigram))).toEqual(PARTNER_TRIGRAMS)
          expect(side.has("123")).toBe(false)
        }
        const conditions = await explainInbox("Partner 1234", common)
        expect(conditions).toContain("IDX_affiliate_conversation_search_key_trgm")
        expect(conditions).toContain("IDX_affiliate_message_body_trgm")
        expect(conditions).toContain("'%1234%'")
        expect(conditions).not.toMatch(/artner/i)
        expect(await explainInbox("partner1234@bench", common)).toContain("'%er1234%'")

        // the service reads the statistics itself
        const execute = jest.spyOn(EntityManager.prototype, "execute")
        try {
          await service.listInbox({ q: "Partner 1234", limit: 20, offset: 0 })
          const searched = execute.mock.calls.find(([text]) => String(text).includes('with "hits"'))
          expect(searched?.[1]).toEqual(expect.arrayContaining(["%1234%", "%Partner 1234%"]))
          expect(searched?.[1]).not.toContain("%partner%")
        } finally {
          execute.mockRestore()
        }

        for (const q of ["Partner 1234", "PARTNER 12", "partner1234@bench", "partner 30", "Hi Partner 2999, about", "partner", "payout #3", "Partner 9999"]) {
          const expected = await sql(
            `select c.id from affiliate_conversation c
              where c.last_message_at is not null
                and (strpos(c.search_key, lower(?)) > 0
                     or exists (select 1 from affiliate_message m where m.conversation_id = c.id and strpos(lower(m.body), lower(?)) > 0))
              order by c.last_message_at desc, c.id desc`,
            [q, q]
          )
          const found = await service.listInbox({ q, limit: 50, offset: 0 })
          expect({ q, count: found.count, ids: found.conversations.map((c) => c.id) }).toEqual({
            q,
            count: expected.length,
            ids: expected.slice(0, 50).map((row) => row.id),
          })
        }
      })

      it("reads a long thread's latest page from the thread's time index, not by sorting the thread", async () => {
        const { conversation } = await service.openConversation({ audience: { affiliate_id: "aff_long", member_id: null }, affiliate: affiliateFields, member: null })
        // 2000 short threads of 5 messages, and one of 3000
        await sql(`insert into affiliate_conversation (id, affiliate_id, affiliate_name, affiliate_email, affiliate_status, last_message_at)
                   select 'conv_short_' || g, 'aff_short_' || g, 'Team ' || g, 'team' || g || '@short.test', 'active', now()
                     from generate_series(1, 2000) g`)
        await sql(`insert into affiliate_message (id, conversation_id, author_type, author_name, body, created_at)
                   select 'msg_short_' || g, 'conv_short_' || (g % 2000 + 1), 'owner', 'U', 'note ' || g, now() - g * interval '1 second'
                     from generate_series(1, 10000) g`)
        await sql(`insert into affiliate_message (id, conversation_id, author_type, author_name, body, created_at)
                   select 'msg_long_' || lpad(g::text, 5, '0'), ?, 'affiliate', 'A', 'reply ' || g, now() - g * interval '1 second'
                     from generate_series(1, 3000) g`, [conversation.id])
        await sql(`update affiliate_conversation set message_count = 3000 where id = ?`, [conversation.id])
        // every short message has a file, and so do some of the long thread's, inside the page and out;
        // all one uploader's, so that index matches every row
        const attachment = (id: string, messageId: string, createdAt: string) =>
          `('${id}', 'file_${id}', '${id}.pdf', 'application/pdf', 10, 'affiliate', 'affmem_same', '${messageId}', ${createdAt})`
        await sql(`insert into affiliate_message_attachment (id, file_id, filename, mime_type, size, uploader_type, uploader_id, message_id, created_at)
                   select 'matt_short_' || g, 'file_' || g, 'f.pdf', 'application/pdf', 10, 'affiliate', 'affmem_same', 'msg_short_' || g, now()
                     from generate_series(1, 10000) g`)
        await sql(`insert into affiliate_message_attachment (id, file_id, filename, mime_type, size, uploader_type, uploader_id, message_id, created_at) values
                   ${[
                     attachment("matt_b", "msg_long_00001", "now()"),
                     attachment("matt_a", "msg_long_00001", "now() - interval '1 minute'"),
                     attachment("matt_c", "msg_long_00050", "now()"),
                     attachment("matt_out", "msg_long_00051", "now()"),
                   ].join(", ")}`)
        await sql("vacuum analyze affiliate_message")
        await sql("vacuum analyze affiliate_message_attachment")

        const page = await service.listThreadPage({ conversation_id: conversation.id, limit: 50 })
        expect(page.count).toBe(3000)
        expect(page.offset).toBe(2950)
        // oldest first: the 50 newest are msg_long_00050 … msg_long_00001
        expect(page.messages.map((m) => m.id)).toEqual(
          Array.from({ length: 50 }, (_, i) => `msg_long_${String(50 - i).padStart(5, "0")}`)
        )
        expect(page.messages[49].created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)
        // each message's files, in upload order
        expect(page.messages.map((m) => m.attachments.map((a) => a.id)).filter((ids) => ids.length)).toEqual([
          ["matt_c"],
          ["matt_a", "matt_b"],
        ])

        // What matters on every supported PostgreSQL (14 to 18): the thread is
        // walked on its (conversation, time) index and only the page's 50 rows
        // are read; whatever is sorted is the page, never the thread (16 and
        // later sort the 50 for the ordered json_agg in a node of their own);
        // each page message's files are looked up by message, 50 lookups.
        const query = threadPageSql({ conversation_id: conversation.id, limit: 50 })
        const nodes = await analyzedPlanNodes(sql, query.sql, query.bindings)
        const onTable = (table: string) => nodes.filter((node) => node["Relation Name"] === table)
        expect(onTable("affiliate_message").map((node) => [node["Index Name"], node["Actual Rows"] * node["Actual Loops"]])).toEqual([
          ["IDX_message_conversation_order", 50],
        ])
        const sorted = nodes.filter((node) => node["Node Type"] === "Sort").map((node) => node["Actual Rows"])
        expect(sorted.filter((rows) => rows > 50)).toEqual([])
        expect(onTable("affiliate_message_attachment").map((node) => [node["Node Type"], node["Index Name"], node["Actual Loops"]])).toEqual([
          ["Index Scan", "IDX_affiliate_message_attachment_message_id", 50],
        ])
      })
    })
  },
})
