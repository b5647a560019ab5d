import type { Logger } from "@medusajs/framework/types"
import { AddressInfo } from "net"
import pLimit from "p-limit"
import { SMTPServer, SMTPServerDataStream, SMTPServerSession } from "smtp-server"
import { InboundEmailSink } from "./types"

const STORES_AT_ONCE = 2

export type SmtpReceiverOptions = {
  port: number
  /** Interface to listen on (default: all). */
  host?: string
  /** PEM key and certificate: offer STARTTLS with them (without, the receiver speaks plain SMTP). */
  tls?: { key: string | Buffer; cert: string | Buffer }
  maxBytes: number
  /** Whether an address is a reply address (fits the `replyTo` template). */
  isReplyAddress: (address: string) => boolean
  sink: InboundEmailSink
  logger: Logger
  /** How long close() lets senders finish a message before cutting them off (default 10 s). */
  closeTimeoutMs?: number
}

/** An SMTP reply: smtp-server answers with `responseCode` and the message. */
function reply(responseCode: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode })
}

/**
 * The built-in receiver for stores whose MX points at the plugin: an
 * inbound MX, so no authentication (anyone may send mail to a domain),
 * but it takes only reply addresses, one per message, and nothing larger
 * than `maxBytes`. An email is answered 250 only once ingestion stored it.
 */
export class SmtpReceiver {
  protected server_?: SMTPServer
  /**
   * Back-pressure: emails stored at a time. Each store holds a database
   * connection for its transaction, and this process's pool also serves
   * its HTTP requests (shared mode) and queue jobs; a mail server opening
   * many connections at once would queue them all on the pool ahead of
   * those. SMTP senders can wait (their DATA timeout is 10 minutes), so
   * they wait here for their 250 instead. Not needed for correctness: the
   * 451s that first led to it were a pool deadlock (statements taking a
   * second connection beside their transaction's), gone since every
   * statement runs on the transaction's manager; without the limit, the
   * reliability suite's 500 emails over 8 connections were all answered 250.
   */
  protected readonly storing_ = pLimit(STORES_AT_ONCE)

  constructor(protected readonly options: SmtpReceiverOptions) {}

  /** The port it listens on (useful with port 0). */
  get port(): number {
    return (this.server_?.server.address() as AddressInfo | null)?.port ?? this.options.port
  }

  async listen(): Promise<void> {
    const { tls, maxBytes } = this.options
    const server = new SMTPServer({
      size: maxBytes,
      // 552 for an oversized message whatever became of it on the way
      rejectOversized: true,
      authOptional: true,
      disabledCommands: tls ? ["AUTH"] : ["AUTH", "STARTTLS"],
      ...(tls ? { key: tls.key, cert: tls.cert } : {}),
      disableReverseLookup: true,
      logger: false,
      closeTimeout: this.options.closeTimeoutMs ?? 10_000,
      onRcptTo: (address, session, callback) => callback(this.refuseRecipient(address.address, session)),
      onData: (stream, session, callback) => {
        this.storing_(() => this.receive(stream, session)).then(
          () => callback(null, "OK: stored"),
          (error) => callback(error)
        )
      },
    })
    // smtp-server re-emits its sockets' errors; unheard, they would end the process
    server.on("error", (error) => this.options.logger.warn(`affiliate messaging: SMTP receiver: ${error.message}`))
    await new Promise<void>((resolve, reject) => {
      server.server.once("error", reject)
      server.listen(this.options.port, this.options.host, () => {
        server.server.off("error", reject)
        resolve()
      })
    })
    this.server_ = server
    this.options.logger.info(
      `affiliate messaging: receiving reply emails by SMTP on ${this.options.host ?? "*"}:${this.port}`
    )
  }

  /** Stops accepting connections; senders mid-message get `closeTimeoutMs` to finish. */
  async close(): Promise<void> {
    const server = this.server_
    this.server_ = undefined
    if (server) {
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  }

  /**
   * One reply address per message: each is a different thread and author,
   * and an email is stored and posted once. 452 (RFC 5321 "too many
   * recipients") makes a sending MTA deliver the other addresses in
   * transactions of their own, a little later.
   */
  protected refuseRecipient(address: string, session: SMTPServerSession): Error | undefined {
    if (!this.options.isReplyAddress(address)) {
      return reply(550, "5.1.1 No such recipient: only reply addresses receive mail here")
    }
    const accepted = session.envelope.rcptTo.map((recipient) => recipient.address.toLowerCase())
    if (accepted.length && !accepted.includes(address.toLowerCase())) {
      return reply(452, "4.5.3 One reply address per message: send this recipient separately")
    }
    return undefined
  }

  /**
   * Streams the DATA into ingestion. An email past `maxBytes` is answered
   * 552 (smtp-server's `rejectOversized`, whatever ingestion said), after
   * ingestion counted it through without keeping it.
   */
  protected async receive(source: SMTPServerDataStream, session: SMTPServerSession): Promise<void> {
    try {
      await this.options.sink({
        raw: source,
        transport: "smtp",
        envelope_to: session.envelope.rcptTo.map((recipient) => recipient.address),
      })
    } catch (error) {
      this.options.logger.error(
        `affiliate messaging: SMTP receiver could not store an email (the sender will retry): ${(error as Error).message}`
      )
      throw reply(451, "4.3.0 Temporary failure storing the message, try again later")
    } finally {
      // whatever ingestion left unread, so the sender hears the answer
      if (!source.readableEnded) {
        source.resume()
      }
    }
  }
}
