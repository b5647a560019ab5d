import { SMTPServer } from "smtp-server"

/**
 * A local SMTP server that accepts and counts every email without parsing
 * it (the benchmark measures the sender, not the sink). `delayMs` holds
 * each acknowledgement, to play a slow mail provider.
 */
export class SmtpSink {
  received = 0
  delayMs = 0
  recipients = new Map()
  /** With `keepReplyTo` on: the last Reply-To address each recipient got (reply by email's bench). */
  keepReplyTo = false
  replyTo = new Map()

  async start() {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS", "AUTH"],
      logger: false,
      maxClients: 1000,
      onRcptTo: (address, _session, callback) => {
        this.recipients.set(address.address, (this.recipients.get(address.address) ?? 0) + 1)
        callback()
      },
      onData: (stream, session, callback) => {
        if (this.keepReplyTo) {
          stream.once("data", (chunk) => {
            const address = /^Reply-To:[^\r\n]*?<?([^\s<>",]+@[^\s<>",]+)>?\r?$/im.exec(chunk.toString("latin1"))?.[1]
            if (address) this.replyTo.set(session.envelope.rcptTo[0].address, address)
          })
        }
        stream.on("end", () => {
          const done = () => {
            this.received++
            callback()
          }
          this.delayMs ? setTimeout(done, this.delayMs) : done()
        })
        stream.resume()
      },
    })
    await new Promise((resolve, reject) => {
      this.server.once("error", reject)
      this.server.listen(0, "127.0.0.1", resolve)
    })
    this.url = `smtp://127.0.0.1:${this.server.server.address().port}`
    return this
  }

  /** Waits until `count` emails arrived in all; returns the time it took, or throws. */
  async waitFor(count, timeoutMs) {
    const started = Date.now()
    while (this.received < count) {
      if (Date.now() - started > timeoutMs) {
        throw new Error(`only ${this.received} of ${count} emails arrived within ${timeoutMs / 1000} s`)
      }
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    return Date.now() - started
  }

  stop() {
    return new Promise((resolve) => this.server.close(resolve))
  }
}
