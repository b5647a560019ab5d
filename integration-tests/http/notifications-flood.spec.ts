import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { signUpAffiliate } from "../helpers/actors"
import { atPeriodStart } from "../helpers/clock"
import { httpClient, HttpClient } from "../helpers/http-client"
import { createProgram } from "../helpers/program"
import { ReceivedEmail, SmtpSink } from "../helpers/smtp-sink"

jest.setTimeout(240_000)

/**
 * `affiliateEmailsPerHour` at 3, with its "hour" shortened to PERIOD_SECONDS
 * by the test-only option `affiliateEmailCapPeriodSeconds`
 * (AFFILIATE_EMAIL_CAP_PERIOD_SECONDS in medusa-config.ts), so the digest that
 * closes a period arrives within the test. No delay window: each message
 * asks for its own email, so only the cap folds them.
 */
const CAP = 3
const PERIOD_SECONDS = 12
const sink = new SmtpSink()
beforeAll(async () => {
  await sink.start()
  process.env.SMTP_URL = sink.url
  process.env.AFFILIATE_EMAILS_PER_HOUR = String(CAP)
  process.env.AFFILIATE_EMAIL_CAP_PERIOD_SECONDS = String(PERIOD_SECONDS)
})
afterAll(async () => {
  await sink.stop()
  delete process.env.SMTP_URL
  delete process.env.AFFILIATE_EMAILS_PER_HOUR
  delete process.env.AFFILIATE_EMAIL_CAP_PERIOD_SECONDS
})

const isDigest = (email: ReceivedEmail) => email.messageId.startsWith("<digest-")
const isMessageEmail = (email: ReceivedEmail) => email.messageId.startsWith("<msg_")
/** Which of `bodies` an email lists. */
const listed = (email: ReceivedEmail, bodies: string[]) => bodies.filter((body) => email.text.includes(body))

async function affiliateSends(http: HttpClient, headers: Record<string, string>, bodies: string[]) {
  for (const body of bodies) {
    const res = await http.post("/store/affiliates/me/conversations", { body }, headers)
    expect([200, 201]).toContain(res.status)
  }
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    describe("affiliateEmailsPerHour", () => {
      it("sends an affiliate's first 3 emails of the hour, then one digest listing the rest", async () => {
        const http = httpClient(api)
        const program = await createProgram(http, getContainer())
        const team = await program.team("Chatty Co", "cher@chatty.test")
        const bodies = Array.from({ length: 7 }, (_, i) => `Chatty #${i} <i>hi</i>`)

        await atPeriodStart(PERIOD_SECONDS)
        const started = Date.now()
        await affiliateSends(http, team.headers, bodies)
        const mentioning = (email: ReceivedEmail) => listed(email, bodies).length > 0

        const prompt = await sink.waitFor((e) => mentioning(e) && isMessageEmail(e), CAP, { settleMs: 3_000 })
        expect(prompt).toHaveLength(CAP)
        expect(sink.emails.filter((e) => mentioning(e) && isDigest(e))).toEqual([])

        const [digest] = await sink.waitFor((e) => mentioning(e) && isDigest(e), 1, {
          timeoutMs: PERIOD_SECONDS * 1000 + 15_000,
          settleMs: 2_000,
        })
        expect(digest).toBeDefined()
        console.log(
          `[notifications-flood] ${bodies.length} messages: ${prompt.length} emails at once, a digest after ${Date.now() - started} ms (period ${PERIOD_SECONDS} s)`
        )
        expect(digest.to).toEqual(["admin@test.dev"])
        expect(digest.subject).toBe(`Test Store: ${bodies.length - CAP} more messages from Chatty Co`)
        // every message reported once: by its own email or by the digest
        const reported = [...prompt.flatMap((e) => listed(e, bodies)), ...listed(digest, bodies)]
        expect(reported.sort()).toEqual([...bodies].sort())
        // each held message with its sender and time, escaped
        expect(digest.text).toMatch(/Chatty · \d{4}-\d\d-\d\d \d\d:\d\d UTC/)
        expect(digest.html).toContain("&lt;i&gt;hi&lt;/i&gt;")
        expect(digest.html).toMatch(/http:\/\/localhost:9000\/app\/messages\/conv_/)
        // still one email per message or digest: nothing more came
        expect(sink.emails.filter(mentioning)).toHaveLength(CAP + 1)
      })

      it("counts all pending affiliates against one budget; an active affiliate keeps its own", async () => {
        const http = httpClient(api)
        const program = await createProgram(http, getContainer())
        const active = await program.team("Steady Ltd", "stan@steady.test")
        const pending = await Promise.all(
          [1, 2, 3].map((i) =>
            signUpAffiliate(http, program.publishableKey, { name: `Fresh ${i}`, email: `f${i}@fresh.test`, first_name: `F${i}` })
          )
        )
        const pendingBodies = pending.flatMap((_, i) => [`Pending ${i} first`, `Pending ${i} second`])
        const activeBodies = ["Steady one", "Steady two", "Steady three"]

        await atPeriodStart(PERIOD_SECONDS)
        await Promise.all([
          ...pending.map((team, i) => affiliateSends(http, team.headers, pendingBodies.slice(2 * i, 2 * i + 2))),
          affiliateSends(http, active.headers, activeBodies),
        ])
        const aboutPending = (email: ReceivedEmail) => listed(email, pendingBodies).length > 0

        // the active affiliate's 3 emails are not taken from the pending ones' budget
        const steady = await sink.waitFor((e) => listed(e, activeBodies).length > 0, 3, { settleMs: 0 })
        expect(steady.every(isMessageEmail)).toBe(true)
        const prompt = await sink.waitFor((e) => aboutPending(e) && isMessageEmail(e), CAP, { settleMs: 3_000 })
        expect(prompt).toHaveLength(CAP)

        const [digest] = await sink.waitFor((e) => aboutPending(e) && isDigest(e), 1, {
          timeoutMs: PERIOD_SECONDS * 1000 + 15_000,
          settleMs: 2_000,
        })
        expect(digest.subject).toBe(`Test Store: ${pendingBodies.length - CAP} more messages from pending affiliates`)
        const reported = [...prompt.flatMap((e) => listed(e, pendingBodies)), ...listed(digest, pendingBodies)]
        expect(reported.sort()).toEqual([...pendingBodies].sort())
        // grouped by conversation, one section per affiliate whose messages were held
        const heldTeams = new Set(listed(digest, pendingBodies).map((body) => body.split(" ")[1]))
        expect(digest.text.match(/Conversation with Fresh \d/g)).toHaveLength(heldTeams.size)
        expect(sink.emails.filter(aboutPending)).toHaveLength(CAP + 1)
        expect(sink.emails.filter((e) => listed(e, activeBodies).length > 0)).toHaveLength(3)
      })

      it("sends no digest of messages the store's team has read meanwhile", async () => {
        const http = httpClient(api)
        const program = await createProgram(http, getContainer())
        const team = await program.team("Read Co", "rea@read.test")
        const bodies = Array.from({ length: 5 }, (_, i) => `Read me #${i}`)

        await atPeriodStart(PERIOD_SECONDS)
        await affiliateSends(http, team.headers, bodies)
        const mentioning = (email: ReceivedEmail) => listed(email, bodies).length > 0
        expect(await sink.waitFor((e) => mentioning(e) && isMessageEmail(e), CAP, { settleMs: 0 })).toHaveLength(CAP)
        const inbox = await http.get("/admin/conversations?affiliate_id=" + team.affiliate_id, program.admin.headers)
        const opened = await http.get(`/admin/conversations/${inbox.data.conversations[0].id}`, program.admin.headers)
        expect(opened.status).toBe(200)

        const digests = await sink.waitFor((e) => mentioning(e) && isDigest(e), 1, {
          timeoutMs: PERIOD_SECONDS * 1000 + 8_000,
          settleMs: 0,
        })
        expect(digests).toEqual([])
      })
    })
  },
})
