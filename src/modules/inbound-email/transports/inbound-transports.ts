import type { Logger } from "@medusajs/framework/types"
import type { ResolvedInboundEmailOptions } from "../../../types/options"
import { tokensIn } from "../reply-token"
import { imapMailbox } from "./imap-mailbox"
import type { ImapCursorStore, ImapPoller } from "./imap-poller"
import type { SmtpReceiver } from "./smtp-receiver"
import type { InboundEmailSink } from "./types"

/*
 * imapflow and smtp-server load with the transport that needs them, not at
 * boot: most stores run neither (decision 0043).
 */
const imapPoller = () => require("./imap-poller") as typeof import("./imap-poller")
const smtpReceiver = () => require("./smtp-receiver") as typeof import("./smtp-receiver")

/**
 * The transports a process runs for itself (`inboundEmail.smtp`,
 * `inboundEmail.imap`): started by the plugin's job in worker/shared
 * processes, closed when the application shuts down.
 */
export class InboundTransports {
  protected smtp_?: SmtpReceiver
  protected imap_?: ImapPoller
  protected starting_?: Promise<boolean>

  constructor(
    protected readonly options: ResolvedInboundEmailOptions,
    protected readonly store: ImapCursorStore,
    protected readonly logger: Logger
  ) {}

  /**
   * Starts the configured transports not running yet, handing emails to
   * `sink`; true when one started. A receiver that cannot listen (port
   * taken) throws, and the next call tries it again.
   */
  async start(sink: InboundEmailSink): Promise<boolean> {
    this.starting_ ??= this.startMissing(sink).finally(() => (this.starting_ = undefined))
    return await this.starting_
  }

  protected async startMissing(sink: InboundEmailSink): Promise<boolean> {
    const { smtp, imap, replyTo, maxBytes } = this.options
    const isReplyAddress = (address: string) => tokensIn(replyTo, [address]).length > 0
    let started = false
    if (imap && !this.imap_) {
      const mailbox = imapMailbox(imap.url, imap.mailbox)
      this.imap_ = new (imapPoller().ImapPoller)({ mailbox, maxBytes, isReplyAddress, sink, store: this.store, logger: this.logger })
      this.imap_.start()
      this.logger.info(`affiliate messaging: polling ${mailbox.key} for reply emails`)
      started = true
    }
    if (smtp && !this.smtp_) {
      const receiver = new (smtpReceiver().SmtpReceiver)({ ...smtp, maxBytes, isReplyAddress, sink, logger: this.logger })
      await receiver.listen()
      this.smtp_ = receiver
      started = true
    }
    return started
  }

  /** The SMTP receiver's port, once listening (port 0 picks a free one). */
  get smtpPort(): number | undefined {
    return this.smtp_?.port
  }

  async close(): Promise<void> {
    await Promise.all([this.smtp_?.close(), this.imap_?.close()])
  }
}
