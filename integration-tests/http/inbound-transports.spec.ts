import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { randomUUID } from "crypto"
import { ImapFlow } from "imapflow"
import net from "net"
import nodemailer from "nodemailer"
import { Readable } from "stream"
import { INBOUND_EMAIL_MODULE } from "../../src/modules/inbound-email"
import type InboundEmailModuleService from "../../src/modules/inbound-email/service"
import { DovecotServer, ensureDovecot } from "../helpers/dovecot"
import { httpClient, HttpClient } from "../helpers/http-client"
import { freePortSync } from "../helpers/ports"
import { createProgram } from "../helpers/program"
import { SmtpSink } from "../helpers/smtp-sink"

jest.setTimeout(240_000)

const SECRET = `inbound-${randomUUID()}`
const MAX_BYTES = 256 * 1024
const SMTP_PORT = freePortSync()
// read by medusa-config.ts when the runner boots the app
process.env.AFFILIATE_INBOUND_SECRET = SECRET
process.env.AFFILIATE_INBOUND_MAX_BYTES = String(MAX_BYTES)
process.env.AFFILIATE_INBOUND_SMTP_PORT = String(SMTP_PORT)

const dovecotUnavailable = ensureDovecot()
if (dovecotUnavailable) {
  console.warn(`[inbound-transports.spec] IMAP test skipped: ${dovecotUnavailable}`)
}
const dovecot = dovecotUnavailable ? undefined : new DovecotServer()
const outbound = new SmtpSink()
beforeAll(async () => {
  await outbound.start()
  process.env.SMTP_URL = outbound.url
  if (dovecot) {
    await dovecot.start()
    process.env.AFFILIATE_INBOUND_IMAP_URL = dovecot.url
  }
})
afterAll(async () => {
  await outbound.stop()
  await dovecot?.remove()
  for (const name of ["SMTP_URL", "AFFILIATE_INBOUND_SECRET", "AFFILIATE_INBOUND_MAX_BYTES", "AFFILIATE_INBOUND_SMTP_PORT", "AFFILIATE_INBOUND_IMAP_URL"]) {
    delete process.env[name]
  }
})

/** A mail server delivering to the plugin's receiver (MX), over real SMTP. */
const mx = nodemailer.createTransport({ host: "127.0.0.1", port: SMTP_PORT, secure: false, ignoreTLS: true })
const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "\r\n" })

async function reply(from: string, to: string, text: string, messageId = `<${randomUUID()}@member.test>`): Promise<Buffer> {
  const info = await composer.sendMail({ from, to, subject: "Re: New message", text, messageId })
  return info.message as Buffer
}

/** The receiver starts with the plugin's first job run, a few seconds after boot. */
async function receiverListening(timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(SMTP_PORT, "127.0.0.1", () => {
        socket.destroy()
        resolve(true)
      })
      socket.once("error", () => resolve(false))
    })
    if (open) {
      return
    }
    if (Date.now() > deadline) {
      throw new Error(`nothing listens on the SMTP receiver's port ${SMTP_PORT}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let http: HttpClient
    let program: Awaited<ReturnType<typeof createProgram>>

    beforeAll(async () => {
      await receiverListening()
    })
    beforeEach(async () => {
      http = httpClient(api)
      program = await createProgram(http, getContainer())
    })
    afterAll(() => mx.close())

    const inbound = () => getContainer().resolve<InboundEmailModuleService>(INBOUND_EMAIL_MODULE)

    /** A team the admin wrote to: its conversation and the member's reply address. */
    async function thread() {
      const slug = randomUUID().slice(0, 6)
      const memberEmail = `ann@${slug}.test`
      const team = await program.team(`Northwind ${slug}`, memberEmail)
      const started = await http.post("/admin/conversations", { affiliate_id: team.affiliate_id, body: "Welcome aboard" }, program.admin.headers)
      expect(started.status).toBe(201)
      const conversation_id = started.data.conversation.id as string
      const address = (await inbound().replyAddressFor({ conversation_id, recipient: { type: "member", id: team.member_id } }))!
      return { team, memberEmail, conversation_id, address }
    }

    async function inboundLog() {
      const res = await http.get("/admin/messaging/inbound-emails?limit=100", program.admin.headers)
      expect(res.status).toBe(200)
      return res.data.inbound_emails as any[]
    }

    /** Waits until an email from `from` is processed (its status leaves `received`). */
    async function processedFrom(from: string, count = 1, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs
      for (;;) {
        const found = (await inboundLog()).filter((entry) => entry.from === from && entry.status !== "received")
        if (found.length >= count) {
          return found
        }
        if (Date.now() > deadline) {
          throw new Error(`no processed inbound email from ${from}`)
        }
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
    }

    const emailMessages = async (conversationId: string) => {
      const res = await http.get(`/admin/conversations/${conversationId}/messages`, program.admin.headers)
      expect(res.status).toBe(200)
      return (res.data.messages as any[]).filter((message) => message.source === "email")
    }

    describe("the built-in SMTP receiver", () => {
      it("takes a member's reply from a mail server: stored before the 250, then posted in the thread with source email, once", async () => {
        const t = await thread()
        const raw = await reply(t.memberEmail, t.address, "Answered from my mail client")
        const sent = await mx.sendMail({ envelope: { from: t.memberEmail, to: [t.address] }, raw })
        expect(sent.response).toMatch(/^250 /)
        // acknowledged means stored: the log has it at once
        expect((await inboundLog()).filter((entry) => entry.from === t.memberEmail)).toEqual([
          expect.objectContaining({ transport: "smtp" }),
        ])
        const [posted] = await processedFrom(t.memberEmail)
        expect(posted).toMatchObject({ status: "posted", transport: "smtp", conversation_id: t.conversation_id })
        expect((await emailMessages(t.conversation_id)).map((m) => [m.author_type, m.author.id, m.body])).toEqual([
          ["affiliate", t.team.member_id, "Answered from my mail client"],
        ])

        // the sender's retry (same Message-ID) and the same email through the webhook post nothing more
        await mx.sendMail({ envelope: { from: t.memberEmail, to: [t.address] }, raw })
        const hook = await http.send("POST", "/hooks/affiliate-messaging/email", raw.toString("utf8"), {
          authorization: `Bearer ${SECRET}`,
          "content-type": "message/rfc822",
        })
        expect(hook.status).toBe(200)
        const all = await processedFrom(t.memberEmail, 3)
        expect(all.map((entry) => entry.status).sort()).toEqual(["duplicate", "duplicate", "posted"])
        expect(await emailMessages(t.conversation_id)).toHaveLength(1)
      })

      it("answers 550 to addresses that are not reply addresses and 552 to an email over maxBytes, storing neither", async () => {
        const t = await thread()
        const before = (await inboundLog()).length
        await expect(
          mx.sendMail({ envelope: { from: t.memberEmail, to: ["partners@inbound.test-store.dev"] }, raw: await reply(t.memberEmail, "partners@inbound.test-store.dev", "Hi") })
        ).rejects.toMatchObject({ responseCode: 550 })

        // a stream of unknown size (no SIZE= up front), twice the cap: refused while it arrives
        const head = await reply(t.memberEmail, t.address, "")
        let sent = 0
        const huge = new Readable({
          read() {
            this.push(sent === 0 ? head : sent < 2 * MAX_BYTES ? "y".repeat(4095) + "\n" : null)
            sent += sent === 0 ? head.length : 4096
          },
        })
        await expect(mx.sendMail({ envelope: { from: t.memberEmail, to: [t.address] }, raw: huge })).rejects.toMatchObject({
          responseCode: 552,
        })
        // recorded for the log as too_large, without the email itself
        const refused = (await inboundLog()).filter((entry) => entry.from === t.memberEmail)
        expect(refused).toEqual([expect.objectContaining({ transport: "smtp", status: "refused", reason: "too_large" })])
        const [row] = await inbound().listInboundEmails({ id: refused[0].id })
        expect(row).toMatchObject({ raw_file_id: null })
        expect((await inboundLog()).length).toBe(before + 1)
        expect(await emailMessages(t.conversation_id)).toEqual([])
      })
    })

    const describeImap = dovecot ? describe : describe.skip
    describeImap("the IMAP poller (Dovecot)", () => {
      it("posts a reply delivered to the mailbox by plus addressing, and marks it \\Seen", async () => {
        const t = await thread()
        const client = new ImapFlow({ host: "127.0.0.1", port: dovecot!.port, secure: false, auth: { user: dovecot!.user, pass: dovecot!.pass }, logger: false })
        await client.connect()
        try {
          const raw = await reply(t.memberEmail, t.address, "Answered into the shared mailbox")
          const appended = await client.append("INBOX", Buffer.concat([Buffer.from(`Delivered-To: ${t.address}\r\n`), raw]))
          const [posted] = await processedFrom(t.memberEmail)
          expect(posted).toMatchObject({ status: "posted", transport: "imap", conversation_id: t.conversation_id })
          expect((await emailMessages(t.conversation_id)).map((m) => m.body)).toEqual(["Answered into the shared mailbox"])
          const lock = await client.getMailboxLock("INBOX")
          try {
            expect(await client.search({ seen: true }, { uid: true })).toEqual([appended && appended.uid])
          } finally {
            lock.release()
          }
        } finally {
          await client.logout()
        }
      })
    })
  },
})
