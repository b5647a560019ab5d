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
 * to play an outage.
 */
export class SmtpSink {
  readonly emails: ReceivedEmail[] = []
  protected server_?: SMTPServer
  port = 0

  async start(port = this.port): Promise<this> {
    this.server_ = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS", "AUTH"],
      logger: false,
      onData: (stream, _session, callback) => {
        simpleParser(stream)
          .then((mail) => {
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
