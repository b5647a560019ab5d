import MailComposer from "nodemailer/lib/mail-composer"
import type Mail from "nodemailer/lib/mailer"
import { SmtpSink, headerOf } from "../../../../integration-tests/helpers/smtp-sink"
import { EmailComposer } from "../email-composer"
import { NodemailerNotificationService } from "../service"

const html = `<p>Grüße — 👋 from the partner team</p>${"<p>Commission rates change on Monday.</p>".repeat(40)}`
const text = "Grüße — 👋 from the partner team\nCommission rates change on Monday."

const emailTo = (to: string, i: number): Mail.Options => ({
  from: "Acme Partners <partners@acme.test>",
  to,
  subject: "Ünïcode subject: new message",
  html,
  text,
  messageId: `<msg_${i}.affmem_${i}@acme.test>`,
  inReplyTo: i ? `<msg_0.affmem_${i}@acme.test>` : undefined,
  references: i ? [`<msg_0.affmem_${i}@acme.test>`] : undefined,
  replyTo: `reply+token${i}@acme.test`,
  headers: { "List-Unsubscribe": `<https://acme.test/unsubscribe/${i}>`, "Auto-Submitted": "auto-generated" },
})

/** nodemailer's own output for the same email: the same date and boundary, every part encoded anew. */
async function nodemailerWrites(options: Mail.Options, raw: Buffer): Promise<Buffer> {
  const composed = raw.toString("latin1")
  const baseBoundary = /boundary="--_NmP-([0-9a-f]+)-Part_1"/.exec(composed)![1]
  const date = new Date(/^Date: (.+)$/m.exec(composed)![1])
  return await new MailComposer({ ...options, date, baseBoundary } as Mail.Options).compile().build()
}

describe("EmailComposer", () => {
  it("writes every email byte for byte as nodemailer does, though the body is encoded once", async () => {
    const composer = new EmailComposer()
    const first = await composer.compose(emailTo("ann@aff.test", 0))
    const second = await composer.compose(emailTo("bob@aff.test", 1))
    // if nodemailer ever writes part of the body from a message's headers, these differ
    expect(first.raw.equals(await nodemailerWrites(emailTo("ann@aff.test", 0), first.raw))).toBe(true)
    expect(second.raw.equals(await nodemailerWrites(emailTo("bob@aff.test", 1), second.raw))).toBe(true)

    expect(second.envelope).toEqual({ from: "partners@acme.test", to: ["bob@aff.test"] })
    expect(second.messageId).toBe("<msg_1.affmem_1@acme.test>")
    const bodyOf = (raw: Buffer) => raw.subarray(raw.indexOf("\r\n\r\n"))
    expect(bodyOf(second.raw).equals(bodyOf(first.raw))).toBe(true)
    expect(second.raw.toString()).toContain("To: bob@aff.test")
    expect(second.raw.toString()).not.toContain("ann@aff.test")
  })

  it("keeps one body for equal content in other strings, and another for other text", async () => {
    const composer = new EmailComposer()
    const first = await composer.compose(emailTo("ann@aff.test", 0))
    // a string built anew, as a job retried in another process renders it
    const again = await composer.compose({ ...emailTo("bob@aff.test", 1), html: [...html].join("") })
    const boundary = (raw: Buffer) => /boundary="([^"]+)"/.exec(raw.toString())![1]
    expect(boundary(again.raw)).toBe(boundary(first.raw))
    const otherText = await composer.compose({ ...emailTo("cy@aff.test", 2), text: "Only the text differs" })
    expect(boundary(otherText.raw)).not.toBe(boundary(first.raw))
    expect(otherText.raw.toString()).toContain("Only the text differs")
    expect(otherText.raw.equals(await nodemailerWrites({ ...emailTo("cy@aff.test", 2), text: "Only the text differs" }, otherText.raw))).toBe(true)
  })

  it("gives other content its own body and boundary", async () => {
    const composer = new EmailComposer()
    const team = await composer.compose(emailTo("ann@aff.test", 0))
    const other = await composer.compose({ ...emailTo("ann@aff.test", 0), html: "<p>Another message</p>", text: "Another message" })
    const boundary = (raw: Buffer) => /boundary="([^"]+)"/.exec(raw.toString())![1]
    expect(boundary(other.raw)).not.toBe(boundary(team.raw))
    expect(other.raw.toString()).toContain("Another message")
    expect(other.raw.toString()).not.toContain("Commission rates")
  })
})

describe("nodemailer provider", () => {
  let sink: SmtpSink
  let provider: NodemailerNotificationService
  beforeAll(async () => {
    sink = await new SmtpSink().start()
    const logger = { warn: jest.fn(), error: jest.fn(), info: jest.fn() } as any
    provider = new NodemailerNotificationService({ logger }, { url: sink.url, from: "Acme Partners <partners@acme.test>" })
  })
  afterAll(async () => {
    ;(provider as any).transporter_.close()
    await sink.stop()
  })

  it("delivers a team's emails whole over SMTP, each with its own headers", async () => {
    const members = ["ann@aff.test", "bob@aff.test", "cy@aff.test"]
    // what the transport reports (and logs) each email by
    const transported: string[] = []
    const transporter = (provider as any).transporter_
    const sendMail = transporter.sendMail.bind(transporter)
    jest.spyOn(transporter, "sendMail").mockImplementation(async (mail: any) => {
      const info = await sendMail(mail)
      transported.push(info.messageId)
      return info
    })
    const sent = await Promise.all(
      members.map((to, i) =>
        provider.send({
          to,
          channel: "email",
          template: "affiliate-new-message",
          content: { subject: "Ünïcode subject: new message", html, text },
          provider_data: {
            message_id: `<msg_1.m${i}@acme.test>`,
            in_reply_to: `<msg_0.m${i}@acme.test>`,
            references: [`<msg_0.m${i}@acme.test>`],
            reply_to: `reply+t${i}@acme.test`,
            headers: { "List-Unsubscribe": `<https://acme.test/u/${i}>` },
          },
        } as any)
      )
    )
    expect(sent.map((result) => result.id)).toEqual(members.map((_, i) => `<msg_1.m${i}@acme.test>`))
    expect(transported.sort()).toEqual(sent.map((result) => result.id).sort())
    const received = await sink.waitFor((email) => members.includes(email.envelopeTo[0]), 3, { settleMs: 200 })
    expect(received).toHaveLength(3)
    for (const [i, to] of members.entries()) {
      const email = received.find((e) => e.envelopeTo[0] === to)!
      expect(email.to).toEqual([to])
      expect(email.subject).toBe("Ünïcode subject: new message")
      expect(email.html).toBe(html)
      expect(email.text.trim()).toBe(text)
      expect(email.messageId).toBe(`<msg_1.m${i}@acme.test>`)
      expect(email.raw.inReplyTo).toBe(`<msg_0.m${i}@acme.test>`)
      expect(email.raw.replyTo?.value[0].address).toBe(`reply+t${i}@acme.test`)
      expect(headerOf(email, "List-Unsubscribe")).toBe(`<https://acme.test/u/${i}>`)
    }
  })
})
