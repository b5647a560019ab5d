import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { httpClient } from "../helpers/http-client"
import { atPeriodStart } from "../helpers/clock"
import { FIXTURES } from "../helpers/fixtures"
import { uploadMultipart } from "../helpers/multipart"
import { createProgram } from "../helpers/program"
import { SmtpSink } from "../helpers/smtp-sink"

jest.setTimeout(180_000)

/** `notificationDelaySeconds`: people chatting live are not emailed for every message. */
// long enough that three sends fit one window on a loaded machine (at 3 s the CI rehearsal split them over two)
const DELAY_SECONDS = 6
const sink = new SmtpSink()
beforeAll(async () => {
  await sink.start()
  process.env.SMTP_URL = sink.url
  process.env.AFFILIATE_NOTIFICATION_DELAY_SECONDS = String(DELAY_SECONDS)
})
afterAll(async () => {
  await sink.stop()
  delete process.env.SMTP_URL
  delete process.env.AFFILIATE_NOTIFICATION_DELAY_SECONDS
})

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    describe("notificationDelaySeconds", () => {
      it("sends the unread messages of one window as one email listing each with sender, time, escaped preview and attachments", async () => {
        const http = httpClient(api)
        const program = await createProgram(http, getContainer())
        const team = await program.team("Burst Co", "bea@burst.test")
        const upload = await uploadMultipart(`${api.defaults.baseURL}/admin/messaging/attachments`, program.admin.headers, [
          { filename: "terms.pdf", content: FIXTURES.pdf },
        ])
        expect(upload.status).toBe(200)

        await atPeriodStart(DELAY_SECONDS)
        const started = Date.now()
        const bodies = ["Burst one", "Burst two <b>bold</b>", "Burst three"]
        for (const [i, body] of bodies.entries()) {
          const res = await http.post(
            "/admin/conversations",
            { affiliate_id: team.affiliate_id, body, ...(i === 2 ? { attachment_ids: [upload.data.attachments[0].id] } : {}) },
            program.admin.headers
          )
          expect([200, 201]).toContain(res.status)
        }
        const emails = await sink.waitFor((e) => e.text.includes("Burst"), 1, { timeoutMs: 60_000, settleMs: 4_000 })
        expect(emails).toHaveLength(1)
        expect(emails[0].to).toEqual(["bea@burst.test"])
        expect(emails[0].text).toContain("3 new messages")
        for (const body of bodies) {
          expect(emails[0].text).toContain(body)
        }
        // in order, each under its sender and time
        const positions = bodies.map((body) => emails[0].text.indexOf(body))
        expect([...positions].sort((a, b) => a - b)).toEqual(positions)
        expect(emails[0].text.match(/admin@test\.dev · \d{4}-\d\d-\d\d \d\d:\d\d UTC/g)).toHaveLength(3)
        expect(emails[0].html).toContain("Burst two &lt;b&gt;bold&lt;/b&gt;")
        expect(emails[0].text).toContain("1 attached file")
        const heldMs = Date.now() - started
        console.log(`[notifications-delay] one email for 3 messages after ${heldMs} ms (delay ${DELAY_SECONDS} s)`)
        expect(heldMs).toBeGreaterThanOrEqual(DELAY_SECONDS * 1000)
      })

      it("sends nothing when the recipient read the conversation within the window", async () => {
        const http = httpClient(api)
        const program = await createProgram(http, getContainer())
        const team = await program.team("Live Co", "lou@live.test")

        await atPeriodStart(DELAY_SECONDS)
        const sent = await http.post(
          "/admin/conversations",
          { affiliate_id: team.affiliate_id, body: "Are you there?" },
          program.admin.headers
        )
        const opened = await http.get(`/store/affiliates/me/conversations/${sent.data.conversation.id}`, team.headers)
        expect(opened.data.conversation.unread).toBe(false)
        // affiliate replies live: the owner opens it at once too
        const reply = await http.post(
          `/store/affiliates/me/conversations/${sent.data.conversation.id}/messages`,
          { body: "Yes, here!" },
          team.headers
        )
        expect(reply.status).toBe(200)
        await http.get(`/admin/conversations/${sent.data.conversation.id}`, program.admin.headers)

        const emails = await sink.waitFor(
          (e) => e.text.includes("Are you there?") || e.text.includes("Yes, here!"),
          1,
          { timeoutMs: DELAY_SECONDS * 2000 + 8_000, settleMs: 0 }
        )
        expect(emails).toEqual([])
      })
    })
  },
})
