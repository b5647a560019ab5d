import { RedisServer } from "../helpers/redis-server"
import { ScaleProcess, ScaleStore } from "../helpers/scale-host"
import {
  affiliateLoop,
  countStatuses,
  mapLimit,
  percentile,
  reconcile,
  runSenderLoops,
  SendRecord,
  storedMessages,
} from "../helpers/sender-loops"
import { ReceivedEmail, SmtpSink } from "../helpers/smtp-sink"
import type { MemberSession, StoreProgram } from "../helpers/store-affiliate"

jest.setTimeout(900_000)

/**
 * Notification flood control under load, on a production build: 50 members,
 * each the owner of its own affiliate made by the real sign-up flow
 * (register an identity, POST /store/affiliates, log in; the admin approves
 * it), send into their team threads as fast as the rate limits allow
 * (the plugin's default 30 a minute per member; a refused send waits 1 s)
 * for 60 s. Every message is emailed to the store's one admin.
 *
 * Flood control: delay windows of DELAY_SECONDS, at most CAP emails per
 * affiliate and period, the period shortened from an hour to PERIOD_SECONDS
 * (`affiliateEmailCapPeriodSeconds`, a test-only option) so its digests
 * arrive within the test. The bound, with A affiliates, R owner-side
 * recipients and P the number of periods from the first send to the last
 * message email:
 *
 *   emails ≤ A × P × (CAP + R)
 *
 * (per affiliate and period: CAP emails, then one digest per recipient).
 */
const AFFILIATES = 50
const DURATION_MS = 60_000
const DELAY_SECONDS = 2
const CAP = 3
const PERIOD_SECONDS = 120
const RECIPIENTS = 1
const PREFIX = "flood"

const BODY = new RegExp(`${PREFIX} member-(\\d+) #(\\d+)`, "g")
/** The bodies an email lists (once each: the first one is also in the inbox preview line). */
const bodiesIn = (email: ReceivedEmail) => [...new Set([...email.text.matchAll(BODY)].map((match) => match[0]))]
const affiliateOf = (email: ReceivedEmail) => email.subject.match(/Flood Partner (\d+)\)?$/)?.[1]
const isDigest = (email: ReceivedEmail) => email.messageId.startsWith("<digest-")
/** "7 more messages from Flood Partner 3": held messages a digest counts without listing. */
const unlistedIn = (email: ReceivedEmail) =>
  [...email.text.matchAll(/(\d+) more messages? from Flood Partner \d+/g)].reduce((sum, m) => sum + Number(m[1]), 0)

describe("50 self-registered affiliates flooding the owner for 60 s", () => {
  const sink = new SmtpSink()
  const redis = new RedisServer()
  let store: ScaleStore | undefined
  let server: ScaleProcess
  let program: StoreProgram
  let members: MemberSession[]
  let records: SendRecord[]
  let loadStarted = 0

  beforeAll(async () => {
    store = await ScaleStore.createWithOwnServices("flood", { sink, redis }, {
      AFFILIATE_NOTIFICATION_DELAY_SECONDS: String(DELAY_SECONDS),
      AFFILIATE_EMAILS_PER_HOUR: String(CAP),
      AFFILIATE_EMAIL_CAP_PERIOD_SECONDS: String(PERIOD_SECONDS),
    })
    server = await store.start("shared")
    program = await store.connect(server)
    const seedStarted = Date.now()
    // 8 at a time: sign-up and login hash passwords (scrypt)
    members = await mapLimit(
      Array.from({ length: AFFILIATES }, (_, i) => i),
      8,
      (i) => program.activeTeam(`Flood Partner ${i}`, `partner${i}@flood.test`)
    )
    console.log(`[reliability] flood: ${AFFILIATES} affiliates signed up and approved in ${((Date.now() - seedStarted) / 1000).toFixed(1)} s`)

    loadStarted = Date.now()
    const end = loadStarted + DURATION_MS
    records = await runSenderLoops(
      members.map((m, i) => affiliateLoop(`member-${i}`, m.headers)),
      { prefix: PREFIX, keepGoing: () => Date.now() < end, baseUrl: () => server.url, rateLimitedPauseMs: 1_000 }
    )
  }, 900_000)

  afterAll(async () => {
    await ScaleStore.stopWithOwnServices(store, { sink, redis })
  })

  it("stores every acknowledged message once", async () => {
    const result = reconcile(records, await storedMessages(store!.database.name, PREFIX))
    const statuses = countStatuses(records)
    expect(Object.keys(statuses).filter((status) => !["200", "201", "429"].includes(status))).toEqual([])
    expect(result.lost).toEqual([])
    expect(result.duplicated).toEqual([])
    expect(result.unacknowledgedStored).toEqual([])
    expect(result.outOfOrder).toEqual([])
    expect(new Set(result.acknowledged.map((r) => r.loop)).size).toBe(AFFILIATES)
  })

  it("emails within the flood-control bound, and the digests report every held message", async () => {
    const acknowledged = records.filter((r) => r.message_id)
    const byAffiliate = new Map<string, Set<string>>()
    for (const r of acknowledged) {
      const affiliate = r.loop.split("-")[1]
      byAffiliate.set(affiliate, (byAffiliate.get(affiliate) ?? new Set()).add(r.body))
    }
    // done when every message is reported by an email or a digest (listed or counted)
    const reported = () =>
      sink.emails.reduce((sum, email) => sum + bodiesIn(email).length + unlistedIn(email), 0)
    const deadline = Date.now() + (PERIOD_SECONDS + 90) * 1000
    while (reported() < acknowledged.length && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 1_000))
    }
    await new Promise((resolve) => setTimeout(resolve, 5_000))

    const emails = sink.emails
    const [digests, messageEmails] = [emails.filter(isDigest), emails.filter((e) => !isDigest(e))]
    const lastMessageEmail = Math.max(...messageEmails.map((e) => e.receivedAt))
    const periods =
      Math.floor(lastMessageEmail / (PERIOD_SECONDS * 1000)) - Math.floor(loadStarted / (PERIOD_SECONDS * 1000)) + 1
    const bound = AFFILIATES * periods * (CAP + RECIPIENTS)
    console.log(
      `[reliability] flood: ${acknowledged.length} messages in ${DURATION_MS / 1000} s by ${AFFILIATES} members ` +
        `(answers: ${JSON.stringify(countStatuses(records))}, p50 ${percentile(acknowledged.map((r) => r.ms), 50)} ms); ${emails.length} emails (${messageEmails.length} message emails, ` +
        `${digests.length} digests) over ${periods} period(s) of ${PERIOD_SECONDS} s; bound ${AFFILIATES} × ${periods} × (${CAP} + ${RECIPIENTS}) = ${bound}; ` +
        `the last digest ${((Math.max(...emails.map((e) => e.receivedAt)) - loadStarted) / 1000).toFixed(1)} s after the load started`
    )
    expect(emails.length).toBeLessThanOrEqual(bound)
    expect(emails.every((e) => e.to.join() === "owner@scale.test")).toBe(true)
    expect(new Set(emails.map((e) => e.messageId)).size).toBe(emails.length)

    for (const [affiliate, bodies] of byAffiliate) {
      const own = emails.filter((e) => affiliateOf(e) === affiliate)
      const [ownDigests, ownMessageEmails] = [own.filter(isDigest), own.filter((e) => !isDigest(e))]
      expect({ affiliate, emails: ownMessageEmails.length <= CAP * periods, digests: ownDigests.length <= RECIPIENTS * periods }).toEqual({
        affiliate,
        emails: true,
        digests: true,
      })
      const listed = own.flatMap(bodiesIn)
      // each message reported once, by its window's email or its hour's digest, and only its own affiliate's
      expect(new Set(listed).size).toBe(listed.length)
      expect(listed.filter((body) => !bodies.has(body))).toEqual([])
      expect({ affiliate, reported: listed.length + ownDigests.reduce((sum, d) => sum + unlistedIn(d), 0) }).toEqual({
        affiliate,
        reported: bodies.size,
      })
    }
    // without flood control each message would have been one email
    expect(emails.length).toBeLessThan(acknowledged.length)
  })
})
