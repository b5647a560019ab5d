import { ParsedMail, simpleParser } from "mailparser"
import { AddressInfo } from "net"
import { SMTPServer } from "smtp-server"

export type ReceivedEmail = {
  to: string[]
  /** RCPT TO of the SMTP session: who the email was really delivered to (Bcc included). */
  envelopeTo: string[]
  subject: string
  html: string
  text: string
  messageId: string
  /** When the sink took it (ms since the epoch). */
  receivedAt: number
  raw: ParsedMail
}

/** A header as it was sent, unfolded (mailparser folds List-* headers into one `list` object). */
export const headerOf = (email: ReceivedEmail, name: string): string | undefined =>
  email.raw.headerLines
    .find((line) => line.key === name.toLowerCase())
    ?.line.replace(/\r?\n[ \t]+/g, " ")
    .slice(name.length + 1)
    .trim()

/**
 * A real SMTP server in the test process (npm `smtp-server`): it accepts
 * every email, parses it, and can be stopped and restarted on the same port
 * to play an outage. With `ackDelayMs` it waits before acknowledging each
 * email and, like a real server, keeps only those whose sender was still
 * connected to hear the acknowledgement; `pending` counts emails waiting.
 * Acknowledgements go out one at a time, `ackDelayMs` apart, so a test can
 * pick a moment when one email waits and the last one acknowledged has had
 * time to be recorded by its sender (`msSinceLastAck`).
 */
export class SmtpSink {
  readonly emails: ReceivedEmail[] = []
  pending = 0
  protected lastAckAt_ = 0
  protected ackQueue_: Promise<unknown> = Promise.resolve()
  protected server_?: SMTPServer
  protected readonly closedSessions_ = new Set<string>()
  port = 0

  constructor(protected readonly options: { ackDelayMs?: number } = {}) {}

  async start(port = this.port): Promise<this> {
    this.server_ = new SMTPServer({
      authOptional: true,
      // stop() is an outage: pooled client connections are cut, not waited for
      closeTimeout: 500,
      disabledCommands: ["STARTTLS", "AUTH"],
      logger: false,
      onClose: (session) => {
        this.closedSessions_.add(session.id)
      },
      onData: (stream, session, callback) => {
        simpleParser(stream)
          .then(async (mail) => {
            if (this.options.ackDelayMs) {
              this.pending++
              const turn = this.ackQueue_.then(() => new Promise((resolve) => setTimeout(resolve, this.options.ackDelayMs)))
              this.ackQueue_ = turn
              await turn
              this.pending--
              if (this.closedSessions_.has(session.id)) {
                return callback(new Error("sender went away before the acknowledgement"))
              }
            }
            this.emails.push({
              to: [mail.to].flat().flatMap((a: any) => a?.value?.map((v: any) => v.address) ?? []),
              envelopeTo: session.envelope.rcptTo.map((recipient) => recipient.address),
              subject: mail.subject ?? "",
              html: typeof mail.html === "string" ? mail.html : "",
              text: mail.text ?? "",
              messageId: mail.messageId ?? "",
              receivedAt: Date.now(),
              raw: mail,
            })
            this.lastAckAt_ = Date.now()
            callback()
          })
          .catch(callback)
      },
    })
    await new Promise<void>((resolve, reject) => {
      this.server_!.once("error", reject)
      this.server_!.listen(port, "127.0.0.1", () => resolve())
    })
    this.port = (this.server_.server.address() as AddressInfo).port
    return this
  }

  get msSinceLastAck() {
    return Date.now() - this.lastAckAt_
  }

  get url() {
    return `smtp://127.0.0.1:${this.port}`
  }

  async stop() {
    const server = this.server_
    this.server_ = undefined
    if (server) {
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  }

  to(address: string) {
    return this.emails.filter((email) => email.to.includes(address))
  }

  /**
   * Waits until `count` emails matched `filter`, then a little more to catch
   * duplicates. Gives up after `timeoutMs`; with `idleMs`, `timeoutMs` is
   * the cap and it gives up sooner once no matching email came for
   * `idleMs`: a backlog drained slowly on a loaded machine is waited for,
   * an email that is never sent is not.
   */
  async waitFor(
    filter: (email: ReceivedEmail) => boolean,
    count: number,
    { timeoutMs = 30_000, settleMs = 1_000, idleMs = Infinity } = {}
  ): Promise<ReceivedEmail[]> {
    const deadline = Date.now() + timeoutMs
    let seen = 0
    let lastProgressAt = Date.now()
    for (;;) {
      const matched = this.emails.filter(filter).length
      if (matched > seen) {
        seen = matched
        lastProgressAt = Date.now()
      }
      if (matched >= count || Date.now() >= deadline || Date.now() - lastProgressAt >= idleMs) {
        break
      }
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    await new Promise((resolve) => setTimeout(resolve, settleMs))
    return this.emails.filter(filter)
  }
}

/**
 * A sink started before the suite's app boots (medusa-config.ts reads
 * SMTP_URL then) and stopped after it: call at the top of a spec file.
 */
export function smtpSinkForSuite(): SmtpSink {
  const sink = new SmtpSink()
  beforeAll(async () => {
    await sink.start()
    process.env.SMTP_URL = sink.url
  })
  afterAll(async () => {
    await sink.stop()
    delete process.env.SMTP_URL
  })
  return sink
}
