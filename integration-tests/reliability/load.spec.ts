import { sql } from "../helpers/medusa-process"
import { RedisServer } from "../helpers/redis-server"
import { ScaleProcess, ScaleStore } from "../helpers/scale-host"
import {
  affiliateLoop,
  countStatuses,
  mapLimit,
  ownerLoop,
  percentile,
  reconcile,
  runSenderLoops,
  SendRecord,
  storedMessages,
} from "../helpers/sender-loops"
import { SmtpSink } from "../helpers/smtp-sink"
import type { MemberSession, StoreProgram } from "../helpers/store-affiliate"

jest.setTimeout(600_000)

/**
 * 200 clients writing at once for 60 s to one production server (shared
 * mode: it also sends the emails, from its BullMQ queue): 100 loops of the
 * store's admins, each in one affiliate's team thread, and 100 loops of
 * that affiliate's member in the same thread, so every thread takes
 * concurrent writes from both sides. Then the database is compared with
 * what the clients were told.
 */
const AFFILIATES = 100
const DURATION_MS = 60_000
const PREFIX = "load"

describe("200 concurrent senders for 60 s against a production build", () => {
  const sink = new SmtpSink()
  const redis = new RedisServer()
  let store: ScaleStore | undefined
  let server: ScaleProcess
  let program: StoreProgram
  let admins: Record<string, string>[]
  let members: MemberSession[]
  let records: SendRecord[]

  beforeAll(async () => {
    store = await ScaleStore.createWithOwnServices("load", { sink, redis }, {
      AFFILIATE_RATE_LIMIT_PER_MINUTE: "off",
      // emails keep pace with 50 messages a second only with more sends at once than the default 5
      AFFILIATE_DELIVERY_CONCURRENCY: "20",
    })
    server = await store.start("shared")
    program = await store.connect(server)

    const seedStarted = Date.now()
    admins = [program.admin, ...(await Promise.all(["ops@load.test", "sales@load.test"].map((e) => program.inviteAdmin(e))))]
    // 8 at a time: sign-up and login hash passwords (scrypt), the server's slowest work
    members = await mapLimit(
      Array.from({ length: AFFILIATES }, (_, i) => i),
      8,
      (i) => program.activeTeam(`Load Partner ${i}`, `partner${i}@load.test`)
    )
    // one recipient per affiliate message, as one per owner message (the team's only member)
    const settings = await program.request("POST", "/admin/messaging/settings", {
      headers: program.admin,
      body: { notification_emails: ["partners@load.test"] },
    })
    expect(settings.status).toBe(200)
    console.log(
      `[reliability] load: seeded ${admins.length} admins and ${AFFILIATES} active affiliates with a member in ${((Date.now() - seedStarted) / 1000).toFixed(1)} s`
    )

    const end = Date.now() + DURATION_MS
    records = await runSenderLoops(
      [
        ...members.map((m, i) => ownerLoop(`owner-${i}`, m.affiliate_id, admins[i % admins.length])),
        ...members.map((m, i) => affiliateLoop(`member-${i}`, m.headers)),
      ],
      { prefix: PREFIX, keepGoing: () => Date.now() < end, baseUrl: () => server.url }
    )
  }, 600_000)

  afterAll(async () => {
    await ScaleStore.stopWithOwnServices(store, { sink, redis })
  })

  it("answers no 5xx, loses and duplicates nothing, keeps each sender's order", async () => {
    const statuses = countStatuses(records)
    const acknowledged = records.filter((r) => r.message_id)
    const seconds = DURATION_MS / 1000
    const p95 = percentile(acknowledged.map((r) => r.ms), 95)
    const [stored, [{ total }]] = await Promise.all([
      storedMessages(store!.database.name, PREFIX),
      sql(store!.database.name, `select count(*)::int as total from affiliate_message`),
    ])
    // nothing but the loops' messages exists, so all of them are compared
    expect(total).toBe(stored.length)
    const result = reconcile(records, stored)
    console.log(
      `[reliability] load: ${acknowledged.length} messages in ${seconds} s by ${AFFILIATES * 2} senders, ` +
        `${(acknowledged.length / seconds).toFixed(1)} msg/s, p95 ${p95} ms, p50 ${percentile(acknowledged.map((r) => r.ms), 50)} ms, ` +
        `${records.filter((r) => r.status >= 500).length} 5xx, ${result.lost.length} lost, ${result.duplicated.length} duplicated ` +
        `(answers: ${JSON.stringify(statuses)}; server RSS ${server.process.rssMb()} MB)`
    )

    // every send was answered with a success: no 5xx, no 4xx (rate limits are off), no timeouts
    expect(Object.keys(statuses).filter((answer) => answer !== "200" && answer !== "201")).toEqual([])
    expect(acknowledged.length).toBeGreaterThan(AFFILIATES * 2)
    expect(result.lost).toEqual([])
    expect(result.duplicated).toEqual([])
    expect(result.unacknowledgedStored).toEqual([])
    expect(result.outOfOrder).toEqual([])
    // every loop got its messages in: no sender was starved
    expect(new Set(acknowledged.map((r) => r.loop)).size).toBe(AFFILIATES * 2)

    // one thread per affiliate, the two loops of an affiliate in it; distinct timestamps per thread
    const threadOf = new Map<string, Set<string>>()
    for (const r of acknowledged) {
      const affiliate = r.loop.split("-")[1]
      threadOf.set(affiliate, new Set([...(threadOf.get(affiliate) ?? []), r.conversation_id!]))
    }
    expect([...threadOf.values()].every((threads) => threads.size === 1)).toBe(true)
    const sameInstant = await sql(
      store!.database.name,
      `select conversation_id from affiliate_message group by conversation_id, created_at having count(*) > 1`
    )
    expect(sameInstant).toEqual([])
  })

  it("keeps message_count, last_message_at and the owner unread flags equal to the data", async () => {
    const conversations = await sql(
      store!.database.name,
      `select c.id, c.message_count, c.last_message_at = m.last_at as last_at_matches, m.n, c.owner_unread,
              (select author_type from affiliate_message where conversation_id = c.id order by created_at desc, id desc limit 1) as last_author
         from affiliate_conversation c
         join (select conversation_id, count(*)::int as n, max(created_at) as last_at from affiliate_message group by 1) m
           on m.conversation_id = c.id`
    )
    expect(conversations).toHaveLength(AFFILIATES)
    const mismatched = conversations.filter(
      (c: any) => c.message_count !== c.n || !c.last_at_matches || c.owner_unread !== (c.last_author === "affiliate")
    )
    expect(mismatched).toEqual([])

    // the inbox's counts (kept by the tally's triggers under the same load) agree
    const expectedUnread = conversations.filter((c: any) => c.last_author === "affiliate").length
    const inbox = await program.request("GET", "/admin/conversations?limit=1", { headers: program.admin })
    expect(inbox.status).toBe(200)
    expect(inbox.data.count).toBe(AFFILIATES)
    expect(inbox.data.unread_count).toBe(expectedUnread)
    const unreadTab = await program.request("GET", "/admin/conversations?limit=1&unread=true", { headers: program.admin })
    expect(unreadTab.data.count).toBe(expectedUnread)
    console.log(`[reliability] load: owner unread consistent: ${expectedUnread} of ${AFFILIATES} threads unread`)
  })

  it("gives each member the unread count its thread's data implies", async () => {
    // a member's own message marks the thread read up to it: unread means an
    // owner message came after the member's last message
    const expected = await sql(
      store!.database.name,
      `select c.affiliate_id,
              coalesce(max(m.created_at) filter (where m.author_type = 'owner'), '-infinity')
                > coalesce(max(m.created_at) filter (where m.author_type = 'affiliate'), '-infinity') as unread
         from affiliate_conversation c join affiliate_message m on m.conversation_id = c.id
        group by c.affiliate_id`
    )
    const unreadByAffiliate = new Map(expected.map((row: any) => [row.affiliate_id, row.unread ? 1 : 0]))
    const answers = await mapLimit(members, 10, async (member) => {
      const res = await program.request("GET", "/store/affiliates/me/messaging", { headers: member.headers })
      expect(res.status).toBe(200)
      return { affiliate_id: member.affiliate_id, unread_count: res.data.messaging.unread_count }
    })
    const wrong = answers.filter((a) => a.unread_count !== unreadByAffiliate.get(a.affiliate_id))
    expect(wrong).toEqual([])
    console.log(
      `[reliability] load: member unread consistent: ${answers.filter((a) => a.unread_count).length} of ${AFFILIATES} members have an unread thread`
    )
  })

  it("sends one email per message, none twice", async () => {
    const acknowledged = records.filter((r) => r.message_id)
    const started = Date.now()
    const emails = await sink.waitFor((e) => e.messageId.startsWith("<msg_"), acknowledged.length, {
      timeoutMs: 180_000,
      settleMs: 2_000,
    })
    const perMessage = new Map<string, number>()
    for (const email of emails) {
      const id = email.messageId.match(/^<(msg_[^.]+)\./)![1]
      perMessage.set(id, (perMessage.get(id) ?? 0) + 1)
    }
    console.log(
      `[reliability] load: ${emails.length} emails for ${acknowledged.length} messages, the last ${((Date.now() - started) / 1000).toFixed(1)} s after the load ended`
    )
    expect([...perMessage.values()].filter((n) => n > 1)).toEqual([])
    expect(acknowledged.filter((r) => !perMessage.has(r.message_id!)).map((r) => r.message_id)).toEqual([])
  })
})
