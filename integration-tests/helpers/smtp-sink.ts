import { ParsedMail, simpleParser } from "mailparser"
import { AddressInfo } from "net"
import { SMTPServer } from "smtp-server"

export type ReceivedEmail = {
  to: string[]
  subject: string
  html: string
  text: string
  messageId: string
  raw: ParsedMail
}

/**
 * A real SMTP server in the test process (npm `smtp-server`): it accepts
 * every email, parses it, and can be stopped and restarted on the same port
 * to play an outage. With `ackDelayMs` it waits before acknowledging each
 * email and, like a real server, keeps only those whose sender was still
 * connected to hear the acknowledgement; `pending` counts emails waiting.
 */
export class SmtpSink {
  readonly emails: ReceivedEmail[] = []
  pending = 0
  protected server_?: SMTPServer
  protected readonly closedSessions_ = new Set<string>()
  port = 0

  constructor(protected readonly options: { ackDelayMs?: number } = {}) {}

  async start(port = this.port): Promise<this> {
    this.server_ = new SMTPServer({
      authOptional: true,
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
              await new Promise((resolve) => setTimeout(resolve, this.options.ackDelayMs))
              this.pending--
              if (this.closedSessions_.has(session.id)) {
                return callback(new Error("sender went away before the acknowledgement"))
              }
            }
            this.emails.push({
              to: [mail.to].flat().flatMap((a: any) => a?.value?.map((v: any) => v.address) ?? []),
              subject: mail.subject ?? "",
              html: typeof mail.html === "string" ? mail.html : "",
              text: mail.text ?? "",
              messageId: mail.messageId ?? "",
              raw: mail,
            })
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

  /** Waits until `count` emails matched `filter`, then a little more to catch duplicates. */
  async waitFor(
    filter: (email: ReceivedEmail) => boolean,
    count: number,
    { timeoutMs = 30_000, settleMs = 1_000 } = {}
  ): Promise<ReceivedEmail[]> {
    const deadline = Date.now() + timeoutMs
    while (this.emails.filter(filter).length < count && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    await new Promise((resolve) => setTimeout(resolve, settleMs))
    return this.emails.filter(filter)
  }
}
