import { spawnSync } from "child_process"
import fs from "fs"
import nodemailer, { Transporter } from "nodemailer"
import os from "os"
import path from "path"
import { Readable } from "stream"
import { SmtpReceiver, SmtpReceiverOptions } from "../transports/smtp-receiver"
import { tokensIn } from "../reply-token"
import { ReceivedEmail } from "../transports/types"

jest.setTimeout(30_000)

const logger = { info() {}, warn() {}, error() {}, debug() {} } as any
const MAX_BYTES = 64 * 1024
const TEMPLATE = "reply+{token}@inbound.shop.test"
const REPLY = "reply+0123456789abcdef0123456789@inbound.shop.test"
const OTHER_REPLY = "reply+fedcba9876543210fedcba9876@inbound.shop.test"
const isReplyAddress = (address: string) => tokensIn(TEMPLATE, [address]).length > 0

type Stored = { envelope_to: string[]; raw: string }

/** Ingestion as far as the receiver can tell: reads the raw email whole, then "stores" it once `gate` opens. */
function recordingSink() {
  const stored: Stored[] = []
  const reads: string[] = []
  /** Bytes ingestion was handed, stored or not. */
  const consumed = { bytes: 0 }
  let gate: Promise<void> = Promise.resolve()
  let failWith: Error | undefined
  return {
    stored,
    reads,
    consumed,
    hold() {
      let open!: () => void
      gate = new Promise<void>((resolve) => (open = resolve))
      return open
    },
    failNext(error: Error) {
      failWith = error
    },
    sink: async (email: ReceivedEmail) => {
      const chunks: Buffer[] = []
      for await (const chunk of email.raw as Readable) {
        consumed.bytes += chunk.length
        chunks.push(chunk)
      }
      const raw = Buffer.concat(chunks).toString()
      reads.push(raw)
      await gate
      if (failWith) {
        const error = failWith
        failWith = undefined
        throw error
      }
      stored.push({ envelope_to: email.envelope_to, raw })
    },
  }
}

const message = (to: string, body = "Thanks, that works for us.") =>
  [`From: member@acme.test`, `To: ${to}`, `Subject: Re: Payouts`, `Message-ID: <${Math.random()}@acme.test>`, "", body, ""].join("\r\n")

describe("SmtpReceiver (smtp-server, real SMTP from nodemailer)", () => {
  const recorder = recordingSink()
  const newReceiver = (overrides: Partial<SmtpReceiverOptions> = {}) =>
    new SmtpReceiver({ port: 0, host: "127.0.0.1", maxBytes: MAX_BYTES, isReplyAddress, sink: recorder.sink, logger, ...overrides })
  const receiver = newReceiver()
  let transport: Transporter

  beforeAll(async () => {
    await receiver.listen()
    transport = nodemailer.createTransport({ host: "127.0.0.1", port: receiver.port, secure: false, ignoreTLS: true })
  })
  afterAll(async () => {
    transport?.close()
    await receiver.close()
  })
  beforeEach(() => {
    recorder.stored.length = 0
    recorder.reads.length = 0
    recorder.consumed.bytes = 0
  })

  const send = (to: string[], raw: string | Readable) =>
    transport.sendMail({ envelope: { from: "member@acme.test", to }, raw })

  it("announces SIZE and stores a reply to a reply address, with its envelope", async () => {
    const info = await send([REPLY], message(REPLY))
    expect(info.response).toMatch(/^250 /)
    expect(recorder.stored).toHaveLength(1)
    expect(recorder.stored[0].envelope_to).toEqual([REPLY])
    expect(recorder.stored[0].raw).toContain("Thanks, that works for us.")

    // the SIZE extension carries the cap, so senders can refuse before sending
    const probe = nodemailer.createTransport({ host: "127.0.0.1", port: receiver.port, ignoreTLS: true })
    await expect(
      probe.sendMail({ envelope: { from: "member@acme.test", to: [REPLY], size: MAX_BYTES + 1 } as any, raw: message(REPLY) })
    ).rejects.toMatchObject({ code: "EMESSAGE" })
    probe.close()
  })

  it("answers 550 to any address that is not a reply address, and stores nothing", async () => {
    for (const to of [
      "partners@inbound.shop.test",
      "reply+0123456789abcdef0123456789@elsewhere.test",
      "reply+@inbound.shop.test",
      "reply+not-a-token@inbound.shop.test",
    ]) {
      await expect(send([to], message(to))).rejects.toMatchObject({ responseCode: 550 })
    }
    expect(recorder.reads).toEqual([])
  })

  it("takes one reply address per message and answers 452 to the others, so the sender splits them", async () => {
    const other = OTHER_REPLY
    const info = await send([REPLY, other, "someone@inbound.shop.test"], message(REPLY))
    expect(info.accepted).toEqual([REPLY])
    const codes = Object.fromEntries((info as any).rejectedErrors.map((e: any) => [e.recipient, e.responseCode]))
    expect(codes).toEqual({ [other]: 452, "someone@inbound.shop.test": 550 })
    expect(recorder.stored.map((s) => s.envelope_to)).toEqual([[REPLY]])

    // the same address twice is still one recipient
    await send([REPLY, REPLY.toUpperCase()], message(REPLY))
    expect(recorder.stored).toHaveLength(2)
  })

  it("answers 552 to an email over maxBytes however ingestion took it, and the connection goes on", async () => {
    const chunk = "x".repeat(1023) + "\n"
    let sent = 0
    const body = new Readable({
      read() {
        if (sent === 0) {
          this.push(message(REPLY, ""))
        }
        // four times the cap, in a stream of unknown size (no SIZE= in MAIL FROM)
        this.push(sent < 4 * MAX_BYTES ? chunk : null)
        sent += chunk.length
      },
    })
    await expect(send([REPLY], body)).rejects.toMatchObject({ responseCode: 552 })
    // ingestion was handed the stream (and counts it through: see integration-tests/http/inbound-transports.spec.ts)
    expect(recorder.consumed.bytes).toBeGreaterThan(4 * MAX_BYTES)

    // the connection is still good for the next email
    expect((await send([REPLY], message(REPLY))).response).toMatch(/^250 /)
  })

  it("answers 250 only once the email is stored, and 451 (retry) when storing fails", async () => {
    const open = recorder.hold()
    let settled = false
    const sending = send([REPLY], message(REPLY, "held")).finally(() => (settled = true))
    while (recorder.reads.length === 0) {
      await new Promise((resolve) => setImmediate(resolve))
    }
    // the whole email is in ingestion's hands but not stored: no answer yet
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(settled).toBe(false)
    open()
    expect((await sending).response).toMatch(/^250 /)
    expect(recorder.stored).toHaveLength(1)

    recorder.failNext(new Error("database unavailable"))
    await expect(send([REPLY], message(REPLY, "retry me"))).rejects.toMatchObject({ responseCode: 451 })
    expect(recorder.stored).toHaveLength(1)
  })

  it("rejects listen() on a port already taken (InboundTransports retries it at the next job run)", async () => {
    await expect(newReceiver({ port: receiver.port }).listen()).rejects.toMatchObject({ code: "EADDRINUSE" })
  })

  it("closes gracefully: a message being received is finished and stored, new connections are refused", async () => {
    const closing = newReceiver()
    await closing.listen()
    const port = closing.port
    const client = nodemailer.createTransport({ host: "127.0.0.1", port, ignoreTLS: true })
    const open = recorder.hold()
    const sending = client.sendMail({ envelope: { from: "member@acme.test", to: [REPLY] }, raw: message(REPLY, "in flight") })
    while (recorder.reads.length === 0) {
      await new Promise((resolve) => setImmediate(resolve))
    }
    const closed = closing.close()
    const late = nodemailer.createTransport({ host: "127.0.0.1", port, ignoreTLS: true })
    await expect(late.sendMail({ envelope: { from: "a@b.test", to: [REPLY] }, raw: message(REPLY) })).rejects.toThrow()
    open()
    expect((await sending).response).toMatch(/^250 /)
    await closed
    expect(recorder.stored.map((s) => s.raw)).toEqual([expect.stringContaining("in flight")])
    client.close()
  })

  it("offers STARTTLS when a key and certificate are configured", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "affmsg-smtp-tls-"))
    const made = spawnSync("openssl", [
      "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=inbound.shop.test",
      "-keyout", path.join(dir, "key.pem"), "-out", path.join(dir, "cert.pem"),
    ])
    if (made.status !== 0) {
      console.warn(`[smtp-receiver.spec] STARTTLS test skipped: openssl could not make a certificate`)
      return
    }
    const secured = newReceiver({
      tls: { key: fs.readFileSync(path.join(dir, "key.pem")), cert: fs.readFileSync(path.join(dir, "cert.pem")) },
    })
    await secured.listen()
    try {
      // requireTLS: the send fails unless the receiver offers STARTTLS and the upgrade works
      const client = nodemailer.createTransport({ host: "127.0.0.1", port: secured.port, requireTLS: true, tls: { rejectUnauthorized: false } })
      expect((await client.sendMail({ envelope: { from: "member@acme.test", to: [REPLY] }, raw: message(REPLY, "over TLS") })).response).toMatch(/^250 /)
      client.close()
      expect(recorder.stored.map((s) => s.raw)).toEqual([expect.stringContaining("over TLS")])
    } finally {
      await secured.close()
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})
