import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { createHmac, randomUUID } from "crypto"
import nodemailer from "nodemailer"
import { Readable } from "stream"
import { INBOUND_EMAIL_MODULE } from "../../src/modules/inbound-email"
import type InboundEmailModuleService from "../../src/modules/inbound-email/service"
import { DELIVERY_QUEUE_MODULE } from "../../src/modules/delivery-queue"
import type DeliveryQueueService from "../../src/modules/delivery-queue/service"
import type { ReplyRecipient } from "../../src/types/inbound-email"
import { processInboundEmailJob } from "../../src/workflows/inbound-email/inbound-jobs"
import { receiveInboundEmail } from "../../src/workflows/inbound-email/receive-inbound-email"
import { storeRawEmail } from "../../src/workflows/inbound-email/raw-email-store"
import { purgeRawEmailsWorkflow } from "../../src/workflows/inbound-email/workflows/purge-raw-emails"
import { countRows } from "../helpers/db"
import { FIXTURES } from "../helpers/fixtures"
import { httpClient, HttpClient } from "../helpers/http-client"
import { createProgram } from "../helpers/program"
import { smtpSinkForSuite } from "../helpers/smtp-sink"

jest.setTimeout(240_000)

const SECRET = `inbound-${randomUUID()}`
const MAILGUN_KEY = `mailgun-${randomUUID()}`
const MAX_BYTES = 1024 * 1024
// read by medusa-config.ts when the runner boots the app
process.env.AFFILIATE_INBOUND_SECRET = SECRET
process.env.AFFILIATE_MAILGUN_SIGNING_KEY = MAILGUN_KEY
process.env.AFFILIATE_INBOUND_MAX_BYTES = String(MAX_BYTES)

// notifications of the threads the tests start go to this in-process SMTP server
smtpSinkForSuite()

const WEBHOOK = "/hooks/affiliate-messaging/email"
const FORMATS = ["raw", "postmark", "sendgrid", "mailgun"] as const
type Format = (typeof FORMATS)[number]

const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "\r\n" })

type EmailInput = {
  from: string
  to: string
  text?: string
  html?: string
  messageId?: string | false
  headers?: Record<string, string>
  attachments?: { filename: string; content: Buffer }[]
}

/** A reply as a mail client sends it: MIME built by nodemailer. */
async function email(input: EmailInput): Promise<Buffer> {
  const info = await composer.sendMail({
    from: input.from,
    to: input.to,
    subject: "Re: New message",
    text: input.text,
    html: input.html,
    headers: input.headers,
    attachments: input.attachments,
    messageId: input.messageId === false ? undefined : input.messageId ?? `<${randomUUID()}@mail.test>`,
  })
  let raw = info.message as Buffer
  if (input.messageId === false) {
    raw = Buffer.from(raw.toString("utf8").replace(/^Message-ID: .*\r\n/im, ""))
  }
  return raw
}

const bearer = { authorization: `Bearer ${SECRET}` }

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    let http: HttpClient
    let program: Awaited<ReturnType<typeof createProgram>>

    beforeEach(async () => {
      http = httpClient(api)
      program = await createProgram(http, getContainer())
    })

    const inbound = () => getContainer().resolve<InboundEmailModuleService>(INBOUND_EMAIL_MODULE)
    const addressFor = async (conversation_id: string, recipient: ReplyRecipient) =>
      (await inbound().replyAddressFor({ conversation_id, recipient }))!

    /** Posts a raw email to the webhook in one of the providers' formats. */
    async function deliver(raw: Buffer, format: Format = "raw", headers: Record<string, string> = bearer) {
      if (format === "raw") {
        return http.send("POST", WEBHOOK, raw.toString("utf8"), { ...headers, "content-type": "message/rfc822" })
      }
      if (format === "postmark") {
        return http.send("POST", WEBHOOK, { From: "x@y", RawEmail: raw.toString("utf8") }, headers)
      }
      const form = new FormData()
      if (format === "sendgrid") {
        form.set("email", raw.toString("utf8"))
        form.set("to", "reply@inbound.test-store.dev")
      } else {
        const timestamp = String(Math.floor(Date.now() / 1000))
        const token = randomUUID()
        form.set("body-mime", raw.toString("utf8"))
        form.set("timestamp", timestamp)
        form.set("token", token)
        form.set("signature", createHmac("sha256", MAILGUN_KEY).update(timestamp + token).digest("hex"))
      }
      const res = await api.post(WEBHOOK, form, { headers, validateStatus: () => true })
      return { status: res.status, data: res.data }
    }

    const listInbound = async (query = "") => {
      const res = await http.get(`/admin/messaging/inbound-emails?limit=100${query}`, program.admin.headers)
      expect(res.status).toBe(200)
      return res.data
    }

    /** Waits until the queue has processed the email (its status leaves `received`). */
    async function processed(id: string, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs
      for (;;) {
        const found = (await listInbound()).inbound_emails.find((entry: any) => entry.id === id)
        if (found && found.status !== "received") {
          return found
        }
        if (Date.now() > deadline) {
          throw new Error(`inbound email ${id} still ${found?.status}`)
        }
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
    }

    async function deliverAndProcess(raw: Buffer, format: Format = "raw") {
      const res = await deliver(raw, format)
      expect(res.status).toBe(200)
      return processed(res.data.id)
    }

    /** A team whose member the admin wrote to: its conversation and both sides' reply addresses. */
    async function thread(name = "Northwind") {
      const slug = `${name.toLowerCase()}-${randomUUID().slice(0, 6)}`
      const memberEmail = `ann@${slug}.test`
      const team = await program.team(name, memberEmail)
      const started = await http.post(
        "/admin/conversations",
        { affiliate_id: team.affiliate_id, body: "Welcome aboard" },
        program.admin.headers
      )
      expect(started.status).toBe(201)
      const conversation_id = started.data.conversation.id as string
      return {
        team,
        memberEmail,
        conversation_id,
        memberAddress: await addressFor(conversation_id, { type: "member", id: team.member_id }),
        adminAddress: await addressFor(conversation_id, { type: "user", id: program.admin.user.id }),
      }
    }

    const storeThread = async (t: Awaited<ReturnType<typeof thread>>) => {
      const res = await http.get(`/store/affiliates/me/conversations/${t.conversation_id}/messages`, t.team.headers)
      expect(res.status).toBe(200)
      return res.data.messages as any[]
    }
    const adminThread = async (conversationId: string) => {
      const res = await http.get(`/admin/conversations/${conversationId}/messages`, program.admin.headers)
      expect(res.status).toBe(200)
      return res.data.messages as any[]
    }

    describe("reply by email through the webhook", () => {
      it("lands in the thread on both sides in each provider format, with source email", async () => {
        const t = await thread()
        for (const format of FORMATS) {
          const fromMember = await deliverAndProcess(
            await email({
              from: t.memberEmail,
              to: t.memberAddress,
              text: `Member answer via ${format}\n\nOn Mon, 1 Dec 2026 Test Store wrote:\n> Welcome aboard`,
            }),
            format
          )
          expect(fromMember).toMatchObject({ status: "posted", reason: null, conversation_id: t.conversation_id, transport: "webhook" })
          const fromAdmin = await deliverAndProcess(
            await email({ from: "ADMIN@test.dev", to: t.adminAddress, text: `Admin answer via ${format}` }),
            format
          )
          expect(fromAdmin).toMatchObject({ status: "posted", conversation_id: t.conversation_id })
        }
        const messages = await adminThread(t.conversation_id)
        const byEmail = messages.filter((message) => message.source === "email")
        expect(byEmail.map((message) => [message.author_type, message.body])).toEqual(
          FORMATS.flatMap((format) => [
            ["affiliate", `Member answer via ${format}`],
            ["owner", `Admin answer via ${format}`],
          ])
        )
        expect(byEmail.filter((m) => m.author_type === "affiliate").every((m) => m.author.id === t.team.member_id)).toBe(true)
        expect(byEmail.filter((m) => m.author_type === "owner").every((m) => m.author.id === program.admin.user.id)).toBe(true)
        const seenByMember = (await storeThread(t)).filter((message) => message.source === "email")
        expect(seenByMember).toHaveLength(8)
        expect(messages.find((m) => m.body === "Welcome aboard").source).toBe("app")
      })

      it("posts a reply through a notification address as the store", async () => {
        const t = await thread()
        const settings = await http.post(
          "/admin/messaging/settings",
          { notification_emails: ["ops@test-store.dev"] },
          program.admin.headers
        )
        expect(settings.status).toBe(200)
        const address = await addressFor(t.conversation_id, { type: "address", id: "Ops@test-store.dev" })
        const outcome = await deliverAndProcess(await email({ from: "ops@test-store.dev", to: address, text: "From the ops mailbox" }))
        expect(outcome.status).toBe("posted")
        // an HTML-only reply (Gmail's quote container) is read from its HTML, the quote left out
        const html = await deliverAndProcess(
          await email({
            from: "ops@test-store.dev",
            to: address,
            html: '<div dir="ltr">Answer in <b>HTML</b></div><br><div class="gmail_quote"><div class="gmail_attr">On Mon, Dec 1, 2026 Test Store wrote:</div><blockquote class="gmail_quote">Welcome aboard</blockquote></div>',
          })
        )
        expect(html.status).toBe("posted")
        const posted = (await storeThread(t)).filter((message) => message.source === "email")
        expect(posted.map((message) => [message.author_type, message.author, message.body])).toEqual([
          ["owner", { id: null, name: "Test Store" }, "From the ops mailbox"],
          ["owner", { id: null, name: "Test Store" }, "Answer in HTML"],
        ])
      })

      it("takes the reply address from the SMTP envelope when the headers lack it (the transports' entry point)", async () => {
        const t = await thread()
        const raw = await email({ from: t.memberEmail, to: "ann-alias@northwind.test", text: "Delivered by envelope" })
        const received = await receiveInboundEmail(getContainer(), { raw, transport: "smtp", envelope_to: [t.memberAddress] })
        expect(received).toMatchObject({ status: "received", reason: null })
        expect(await processed(received.id)).toMatchObject({ status: "posted", transport: "smtp", conversation_id: t.conversation_id })
        const again = await receiveInboundEmail(getContainer(), { raw: Readable.from([raw]), transport: "imap", envelope_to: [] })
        expect(again.status).toBe("duplicate")
      })

      it("makes one message of the same email received twice, in one format or two", async () => {
        const t = await thread()
        const once = await email({ from: t.memberEmail, to: t.memberAddress, text: "Said once" })
        const first = await deliver(once)
        const again = await deliver(once)
        const viaPostmark = await deliver(once, "postmark")
        expect([first.status, again.status, viaPostmark.status]).toEqual([200, 200, 200])
        expect([first.data.status, again.data.status, viaPostmark.data.status]).toEqual(["received", "duplicate", "duplicate"])
        await processed(first.data.id)
        // no Message-ID: the raw bytes' hash identifies it
        const bare = await email({ from: t.memberEmail, to: t.memberAddress, text: "No id", messageId: false })
        const bareFirst = await deliver(bare, "sendgrid")
        const bareAgain = await deliver(bare, "mailgun")
        expect(bareAgain.data.status).toBe("duplicate")
        await processed(bareFirst.data.id)
        const bodies = (await storeThread(t)).map((message) => message.body)
        expect(bodies.filter((body) => body === "Said once")).toHaveLength(1)
        expect(bodies.filter((body) => body === "No id")).toHaveLength(1)
        const duplicates = await listInbound("&status=duplicate")
        expect(duplicates.count).toBe(3)
        expect(duplicates.inbound_emails.map((entry: any) => entry.from)).toEqual([t.memberEmail, t.memberEmail, t.memberEmail])
      })
    })

    describe("refusals", () => {
      it("records each reason, posts nothing and emits affiliate_inbound_email.refused", async () => {
        const events: any[] = []
        getContainer()
          .resolve(Modules.EVENT_BUS)
          .subscribe("affiliate_inbound_email.refused", async (event: any) => {
            events.push(event.data)
          })
        const t = await thread()
        const refusedWith = async (raw: Buffer) => (await deliverAndProcess(raw)).reason
        const before = (await adminThread(t.conversation_id)).length

        const forged = t.memberAddress.replace(/\+[0-9a-f]+@/, `+${"0".repeat(26)}@`)
        expect(await refusedWith(await email({ from: t.memberEmail, to: forged, text: "Hi" }))).toBe("unknown_token")
        expect(await refusedWith(await email({ from: "mallory@evil.test", to: t.memberAddress, text: "Hi" }))).toBe("sender_mismatch")
        expect(
          await refusedWith(
            await email({
              from: t.memberEmail,
              to: t.memberAddress,
              text: "Hi",
              headers: { "Authentication-Results": "mx.test-store.dev; spf=fail smtp.mailfrom=x.test; dmarc=fail (p=reject) header.from=x.test" },
            })
          )
        ).toBe("sender_mismatch")
        expect(
          await refusedWith(
            await email({ from: t.memberEmail, to: t.memberAddress, text: "I am away", headers: { "Auto-Submitted": "auto-replied" } })
          )
        ).toBe("auto_reply")
        expect(
          await refusedWith(await email({ from: t.memberEmail, to: t.memberAddress, text: "Away", headers: { "X-Autoreply": "yes" } }))
        ).toBe("auto_reply")
        expect(
          await refusedWith(await email({ from: t.memberEmail, to: t.memberAddress, text: "List", headers: { Precedence: "bulk" } }))
        ).toBe("auto_reply")
        expect(
          await refusedWith(
            await email({ from: t.memberEmail, to: t.memberAddress, text: "> Welcome aboard\n> quoted only" })
          )
        ).toBe("empty")

        await program.setStatus(t.team.affiliate_id, "suspended")
        expect(await refusedWith(await email({ from: t.memberEmail, to: t.memberAddress, text: "Suspended" }))).toBe("not_allowed")
        await program.setStatus(t.team.affiliate_id, "declined")
        expect(await refusedWith(await email({ from: t.memberEmail, to: t.memberAddress, text: "Declined" }))).toBe("not_allowed")
        await program.setStatus(t.team.affiliate_id, "active")
        await program.disableMessaging(t.team.affiliate_id)
        const disabled = await deliverAndProcess(await email({ from: t.memberEmail, to: t.memberAddress, text: "Disabled" }))
        expect(disabled).toMatchObject({ reason: "not_allowed", detail: "Closed" })

        expect((await adminThread(t.conversation_id)).length).toBe(before)
        const refused = await listInbound("&status=refused")
        expect(refused.count).toBe(10)
        expect((await listInbound("&reason=auto_reply")).count).toBe(3)
        expect(events.map((event) => event.reason).sort()).toEqual(
          ["auto_reply", "auto_reply", "auto_reply", "empty", "not_allowed", "not_allowed", "not_allowed", "sender_mismatch", "sender_mismatch", "unknown_token"]
        )
      })

      it("refuses a bounce and an email over maxBytes (413)", async () => {
        const t = await thread()
        const bounce = await deliverAndProcess(
          await email({ from: "MAILER-DAEMON@mail.test", to: t.memberAddress, text: "Delivery failed" })
        )
        expect(bounce.reason).toBe("auto_reply")
        const huge = await email({ from: t.memberEmail, to: t.memberAddress, text: "x".repeat(MAX_BYTES + 10) })
        // announced by Content-Length: refused before reading, nothing to record
        expect((await deliver(huge)).status).toBe(413)
        expect((await listInbound("&reason=too_large")).count).toBe(0)
        // streamed (chunked): refused once past the cap, recorded from its headers
        const streamed = await api.post(WEBHOOK, Readable.from([huge.subarray(0, 64 * 1024), huge.subarray(64 * 1024)]), {
          headers: { ...bearer, "content-type": "message/rfc822" },
          validateStatus: () => true,
        })
        expect(streamed.status).toBe(413)
        const [tooLarge] = (await listInbound("&reason=too_large")).inbound_emails
        expect(tooLarge).toMatchObject({ status: "refused", from: t.memberEmail })
      })

      it("answers 401 without or with a wrong secret and stores nothing", async () => {
        const t = await thread()
        const raw = await email({ from: t.memberEmail, to: t.memberAddress, text: "Hi" })
        const before = await countRows(dbConnection, ["affiliate_inbound_email", "affiliate_message"])
        const basic = (password: string) => ({ authorization: `Basic ${Buffer.from(`api:${password}`).toString("base64")}` })
        for (const headers of [{}, { authorization: "Bearer wrong" }, basic("wrong")] as Record<string, string>[]) {
          expect((await deliver(raw, "raw", headers)).status).toBe(401)
          expect((await deliver(raw, "postmark", headers)).status).toBe(401)
        }
        expect(await countRows(dbConnection, ["affiliate_inbound_email", "affiliate_message"])).toEqual(before)
        const viaBasic = await deliver(raw, "raw", basic(SECRET))
        expect(viaBasic.status).toBe(200)
        await processed(viaBasic.data.id)
      })

      it("refuses a Mailgun post whose signature is wrong", async () => {
        const t = await thread()
        const form = new FormData()
        form.set("body-mime", (await email({ from: t.memberEmail, to: t.memberAddress, text: "Hi" })).toString("utf8"))
        form.set("timestamp", String(Math.floor(Date.now() / 1000)))
        form.set("token", "abc")
        form.set("signature", "0".repeat(64))
        const res = await api.post(WEBHOOK, form, { headers: bearer, validateStatus: () => true })
        expect(res.status).toBe(401)
        expect((await listInbound()).count).toBe(0)
      })
    })

    describe("attachments", () => {
      it("posts an allowed file and names a refused one in the body", async () => {
        const t = await thread()
        const outcome = await deliverAndProcess(
          await email({
            from: t.memberEmail,
            to: t.memberAddress,
            text: "Here is the brief",
            attachments: [
              { filename: "brief.pdf", content: FIXTURES.pdf },
              { filename: "setup.exe", content: FIXTURES.elf },
            ],
          })
        )
        expect(outcome.status).toBe("posted")
        const [posted] = (await storeThread(t)).filter((message) => message.source === "email")
        expect(posted.attachments).toEqual([expect.objectContaining({ filename: "brief.pdf", mime_type: "application/pdf" })])
        expect(posted.body).toMatch(/^Here is the brief\n\nNot attached: setup\.exe/)
      })
    })

    describe("the inbound log", () => {
      it("retries a failed email from its raw copy, and only a failed one", async () => {
        const t = await thread()
        const res = await deliver(await email({ from: t.memberEmail, to: t.memberAddress, text: "Second try" }))
        const id = res.data.id
        const stored = await processed(id)
        expect(stored.status).toBe("posted")
        expect((await http.post(`/admin/messaging/inbound-emails/${id}/retry`, {}, program.admin.headers)).status).toBe(409)
        expect((await http.post(`/admin/messaging/inbound-emails/inem_missing/retry`, {}, program.admin.headers)).status).toBe(404)

        // an email whose raw copy is missing fails at once; once the copy is back, the retry posts it
        const { email: lost } = await inbound().recordInboundEmail({
          transport: "smtp",
          dedupe_key: `<lost-${randomUUID()}@mail.test>`,
          message_header_id: null,
          from_address: t.memberEmail,
          to_addresses: [t.memberAddress],
          envelope_to: [],
          raw_file_id: null,
          raw_size: 0,
          raw_sha256: null,
        })
        await getContainer().resolve<DeliveryQueueService>(DELIVERY_QUEUE_MODULE).enqueue([processInboundEmailJob(lost.id, 0)])
        expect(await processed(lost.id)).toMatchObject({ status: "failed" })
        const copy = await storeRawEmail(
          getContainer(),
          await email({ from: t.memberEmail, to: t.memberAddress, text: "Recovered" }),
          MAX_BYTES
        )
        await inbound().updateInboundEmails({ id: lost.id, raw_file_id: copy.file_id })
        const retried = await http.post(`/admin/messaging/inbound-emails/${lost.id}/retry`, {}, program.admin.headers)
        expect(retried.status).toBe(200)
        expect(retried.data.inbound_email).toMatchObject({ id: lost.id, status: "received" })
        expect(await processed(lost.id)).toMatchObject({ status: "posted", conversation_id: t.conversation_id })
        expect((await storeThread(t)).filter((message) => message.body === "Recovered")).toHaveLength(1)
      })

      it("purges raw copies after 30 days and keeps the log entry", async () => {
        const t = await thread()
        const fresh = await deliverAndProcess(await email({ from: t.memberEmail, to: t.memberAddress, text: "Fresh" }))
        const old = await deliverAndProcess(await email({ from: t.memberEmail, to: t.memberAddress, text: "Old" }))
        await dbConnection.raw(`update affiliate_inbound_email set received_at = now() - interval '31 days' where id = ?`, [old.id])
        const [oldRow] = await inbound().listInboundEmails({ id: old.id })
        const { result } = await purgeRawEmailsWorkflow(getContainer()).run({ input: { batch_size: 500 } })
        expect(result).toEqual([old.id])
        const rows = await inbound().listInboundEmails({ id: [old.id, fresh.id] })
        expect(rows.find((row: any) => row.id === old.id)!.raw_file_id).toBeNull()
        expect(rows.find((row: any) => row.id === fresh.id)!.raw_file_id).toBeTruthy()
        await expect(
          getContainer().resolve(Modules.FILE).getDownloadStream(oldRow.raw_file_id!).then((stream: any) => stream.toArray())
        ).rejects.toThrow()
        expect((await listInbound()).count).toBe(2)
      })

      it("lists with filters and paging, admins only", async () => {
        const t = await thread()
        await deliverAndProcess(await email({ from: t.memberEmail, to: t.memberAddress, text: "One" }))
        await deliverAndProcess(await email({ from: "x@evil.test", to: t.memberAddress, text: "Two" }))
        const all = await listInbound()
        expect(all).toMatchObject({ count: 2, offset: 0, limit: 100 })
        expect(Object.keys(all.inbound_emails[0]).sort()).toEqual(
          ["conversation_id", "detail", "from", "id", "message_id", "reason", "received_at", "status", "transport"]
        )
        expect(all.inbound_emails[0]).toMatchObject({ from: "x@evil.test", status: "refused", reason: "sender_mismatch" })
        const paged = await http.get("/admin/messaging/inbound-emails?limit=1&offset=1", program.admin.headers)
        expect(paged.data).toMatchObject({ count: 2, limit: 1, offset: 1, inbound_emails: [expect.objectContaining({ status: "posted" })] })
        expect((await http.get("/admin/messaging/inbound-emails?status=nope", program.admin.headers)).status).toBe(400)
        expect((await http.get("/admin/messaging/inbound-emails", t.team.headers)).status).toBe(401)
        expect((await http.get("/admin/messaging/inbound-emails")).status).toBe(401)
        const first = all.inbound_emails[0].id
        expect((await http.post(`/admin/messaging/inbound-emails/${first}/retry`, {}, t.team.headers)).status).toBe(401)
      })
    })
  },
})
