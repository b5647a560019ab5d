import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { randomUUID } from "crypto"
import nodemailer from "nodemailer"
import { INBOUND_EMAIL_MODULE } from "../../src/modules/inbound-email"
import type InboundEmailModuleService from "../../src/modules/inbound-email/service"
import { httpClient, HttpClient } from "../helpers/http-client"
import { freePortSync } from "../helpers/ports"
import { createProgram } from "../helpers/program"
import { smtpSinkForSuite } from "../helpers/smtp-sink"

jest.setTimeout(600_000)

/**
 * Reply by email through the plugin's real SMTP receiver, as a mail server
 * (nodemailer) delivers it: each refusal reason of the contract with
 * nothing posted, an admin answering by email, and 500 replies from 50
 * members sent at once over pooled connections, each posted once.
 * The webhook's side of the same rules is in http/reply-by-email.spec.ts.
 */
const SMTP_PORT = freePortSync()
const MEMBERS = 50
const EMAILS_PER_MEMBER = 10
// read by medusa-config.ts when the runner boots the app
process.env.AFFILIATE_INBOUND_SECRET = `inbound-${randomUUID()}`
process.env.AFFILIATE_INBOUND_SMTP_PORT = String(SMTP_PORT)
smtpSinkForSuite()
afterAll(() => {
  delete process.env.AFFILIATE_INBOUND_SECRET
  delete process.env.AFFILIATE_INBOUND_SMTP_PORT
})

const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "\r\n" })
const smtpOptions = { host: "127.0.0.1", port: SMTP_PORT, secure: false, ignoreTLS: true } as const

type Email = { from: string; to: string; text: string; headers?: Record<string, string> }

async function compose({ from, to, text, headers }: Email): Promise<Buffer> {
  const info = await composer.sendMail({ from, to, subject: "Re: New message", text, headers, messageId: `<${randomUUID()}@mail.test>` })
  return info.message as Buffer
}

/** A delivery status notification (RFC 3464) for an email the store sent to `to`. */
function dsn(to: string): Buffer {
  const boundary = `dsn-${randomUUID()}`
  return Buffer.from(
    [
      `From: Mail Delivery System <mailer@mx.member.test>`,
      `To: ${to}`,
      `Subject: Undelivered Mail Returned to Sender`,
      `Message-ID: <${randomUUID()}@mx.member.test>`,
      `MIME-Version: 1.0`,
      `Content-Type: multipart/report; report-type=delivery-status; boundary="${boundary}"`,
      ``,
      `--${boundary}`,
      `Content-Type: text/plain`,
      ``,
      `Your message could not be delivered.`,
      `--${boundary}`,
      `Content-Type: message/delivery-status`,
      ``,
      `Reporting-MTA: dns; mx.member.test`,
      ``,
      `Final-Recipient: rfc822; gone@member.test`,
      `Action: failed`,
      `Status: 5.1.1`,
      `--${boundary}--`,
      ``,
    ].join("\r\n")
  )
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let http: HttpClient
    let program: Awaited<ReturnType<typeof createProgram>>
    const mx = nodemailer.createTransport(smtpOptions)

    beforeAll(async () => {
      http = httpClient(api)
      program = await createProgram(http, getContainer())
      await receiverListening()
    })
    afterAll(() => mx.close())

    const inbound = () => getContainer().resolve<InboundEmailModuleService>(INBOUND_EMAIL_MODULE)

    /** The receiver starts with the plugin's first job run, a few seconds after boot. */
    async function receiverListening(timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs
      while (inbound().getSmtpPort() === undefined) {
        if (Date.now() > deadline) throw new Error(`the SMTP receiver did not start on ${SMTP_PORT}`)
        await new Promise((resolve) => setTimeout(resolve, 200))
      }
    }

    /** A team the admin wrote to: its conversation and the member's and the admin's reply addresses. */
    async function thread(name: string) {
      const slug = `${name}-${randomUUID().slice(0, 8)}`
      const memberEmail = `ann@${slug}.test`
      const team = await program.team(`Team ${slug}`, memberEmail)
      const started = await http.post("/admin/conversations", { affiliate_id: team.affiliate_id, body: "Welcome aboard" }, program.admin.headers)
      expect(started.status).toBe(201)
      const conversation_id = started.data.conversation.id as string
      const addressFor = async (recipient: { type: "member" | "user"; id: string }) =>
        (await inbound().replyAddressFor({ conversation_id, recipient }))!
      return {
        team,
        memberEmail,
        conversation_id,
        memberAddress: await addressFor({ type: "member", id: team.member_id }),
        adminAddress: await addressFor({ type: "user", id: program.admin.user.id }),
      }
    }

    /** The log rows of emails from `from` once `count` of them left `received`. */
    async function processedFrom(from: string, count: number, timeoutMs = 120_000) {
      const deadline = Date.now() + timeoutMs
      for (;;) {
        const rows = await inbound().listInboundEmails({ from_address: from }, { take: null })
        if (rows.filter((row) => row.status !== "received").length >= count) return rows
        if (Date.now() > deadline) throw new Error(`${rows.length} emails from ${from}, not ${count} processed`)
        await new Promise((resolve) => setTimeout(resolve, 200))
      }
    }

    /** Sends one email over SMTP (acknowledged 250) and returns its log row once processed. */
    async function delivered(email: Email | { raw: Buffer; from: string; to: string }) {
      const before = (await inbound().listInboundEmails({ from_address: email.from }, { take: null })).length
      const raw = "raw" in email ? email.raw : await compose(email)
      const sent = await mx.sendMail({ envelope: { from: email.from, to: [email.to] }, raw })
      expect(sent.response).toMatch(/^250 /)
      const rows = await processedFrom(email.from, before + 1)
      return rows.sort((a, b) => +new Date(b.received_at) - +new Date(a.received_at))[0]
    }

    const emailMessages = async (conversationId: string) => {
      const res = await http.get(`/admin/conversations/${conversationId}/messages`, program.admin.headers)
      expect(res.status).toBe(200)
      return (res.data.messages as any[]).filter((message) => message.source === "email")
    }

    it("refuses each kind of unwanted email with its reason and posts nothing; an admin's answer posts as that admin", async () => {
      const t = await thread("refusals")
      const forged = t.memberAddress.replace(/\+[0-9a-z]+@/i, `+${"0".repeat(26)}@`)
      const refusals: [string, Awaited<ReturnType<typeof delivered>>][] = []
      const refusedAs = async (reason: string, email: Parameters<typeof delivered>[0]) => refusals.push([reason, await delivered(email)])

      await refusedAs("sender_mismatch", { from: "mallory@evil.test", to: t.memberAddress, text: "Spoofed" })
      await refusedAs("auto_reply", { from: t.memberEmail, to: t.memberAddress, text: "I am away", headers: { "Auto-Submitted": "auto-replied" } })
      await refusedAs("auto_reply", { raw: dsn(t.memberAddress), from: "mailer@mx.member.test", to: t.memberAddress })
      await refusedAs("unknown_token", { from: t.memberEmail, to: forged, text: "Forged token" })

      await program.setStatus(t.team.affiliate_id, "suspended")
      await refusedAs("not_allowed", { from: t.memberEmail, to: t.memberAddress, text: "Suspended" })
      await program.setStatus(t.team.affiliate_id, "declined")
      await refusedAs("not_allowed", { from: t.memberEmail, to: t.memberAddress, text: "Declined" })
      await program.setStatus(t.team.affiliate_id, "active")
      await program.disableMessaging(t.team.affiliate_id)
      await refusedAs("not_allowed", { from: t.memberEmail, to: t.memberAddress, text: "Group disabled" })

      expect(refusals.map(([, row]) => [row.transport, row.status, row.reason])).toEqual(
        refusals.map(([reason]) => ["smtp", "refused", reason])
      )
      expect(await emailMessages(t.conversation_id)).toEqual([])

      // the store's side answers a thread by email: posted as that admin
      const open = await thread("admin")
      const answer = await delivered({ from: "admin@test.dev", to: open.adminAddress, text: "Answered by the admin from Gmail" })
      expect(answer).toMatchObject({ status: "posted", transport: "smtp", conversation_id: open.conversation_id })
      expect((await emailMessages(open.conversation_id)).map((m) => [m.author_type, m.author.id, m.body])).toEqual([
        ["owner", program.admin.user.id, "Answered by the admin from Gmail"],
      ])
    })

    it(`posts ${MEMBERS * EMAILS_PER_MEMBER} replies from ${MEMBERS} members sent at once over pooled connections: none lost, none doubled`, async () => {
      const threads = []
      for (let i = 0; i < MEMBERS; i++) {
        threads.push(await thread(`load${i}`))
      }
      const pool = nodemailer.createTransport({ ...smtpOptions, pool: true, maxConnections: 8, maxMessages: Infinity })
      const started = Date.now()
      try {
        const sent = await Promise.all(
          threads.flatMap((t) =>
            Array.from({ length: EMAILS_PER_MEMBER }, async (_, n) => {
              const raw = await compose({ from: t.memberEmail, to: t.memberAddress, text: `Load reply ${n} from ${t.memberEmail}` })
              return pool.sendMail({ envelope: { from: t.memberEmail, to: [t.memberAddress] }, raw })
            })
          )
        )
        expect(sent.filter((info) => /^250 /.test(info.response))).toHaveLength(MEMBERS * EMAILS_PER_MEMBER)
      } finally {
        pool.close()
      }
      const acknowledgedAfter = Date.now() - started
      const rows = (await Promise.all(threads.map((t) => processedFrom(t.memberEmail, EMAILS_PER_MEMBER)))).flat()
      const postedAfter = Date.now() - started
      expect(rows.map((row) => row.status).filter((status) => status !== "posted")).toEqual([])
      expect(rows).toHaveLength(MEMBERS * EMAILS_PER_MEMBER)

      for (const t of threads) {
        const bodies = (await emailMessages(t.conversation_id)).map((m) => m.body).sort()
        expect(bodies).toEqual(Array.from({ length: EMAILS_PER_MEMBER }, (_, n) => `Load reply ${n} from ${t.memberEmail}`).sort())
      }
      console.log(
        `[reliability] inbound SMTP load: ${rows.length} emails from ${MEMBERS} members over 8 connections, ` +
          `all acknowledged in ${(acknowledgedAfter / 1000).toFixed(1)} s, all posted once in ${(postedAfter / 1000).toFixed(1)} s`
      )
    })
  },
})
