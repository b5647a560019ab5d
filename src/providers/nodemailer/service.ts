import type {
  Logger,
  ProviderSendNotificationDTO,
  ProviderSendNotificationResultsDTO,
} from "@medusajs/framework/types"
import { AbstractNotificationProviderService, MedusaError } from "@medusajs/framework/utils"
import nodemailer, { Transporter } from "nodemailer"
import { AFFILIATE_EMAIL_PROVIDER_ID } from "../../config"
import { recordSentEmail } from "../../utils/sent-receipts"
import { EmailComposer } from "./email-composer"

export type NodemailerProviderOptions = {
  /** SMTP URL, e.g. `smtp://user:pass@smtp.example.com:587`. */
  url?: string
  /** Any nodemailer transport options, used when `url` is not given. */
  transport?: Record<string, unknown>
  /** Sender, e.g. `"My Store" <partners@my-store.com>`. */
  from: string
  /** Keep SMTP connections open between emails. Default true. */
  pool?: boolean
}

/**
 * Sends `email` channel notifications over SMTP with nodemailer. The
 * notification's `content` carries subject, HTML and text; `provider_data`
 * the headers: `message_id` (so a retried delivery is recognisable as the
 * same email), `in_reply_to`, `references`, `reply_to` and `headers` (any
 * other header by name). Its `receipt_key` (else the Message-ID) is
 * recorded in the delivery job's journal once the SMTP server took the
 * email (see utils/sent-receipts). Emails of the same content share one
 * encoded body (see email-composer).
 */
export class NodemailerNotificationService extends AbstractNotificationProviderService {
  static identifier = AFFILIATE_EMAIL_PROVIDER_ID

  protected readonly transporter_: Transporter
  protected readonly composer_ = new EmailComposer()
  protected readonly from_: string
  protected readonly logger_: Logger

  static validateOptions(options: Record<string, unknown>) {
    if (!options.from) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "The nodemailer provider needs a `from` address")
    }
    if (!options.url && !options.transport) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        "The nodemailer provider needs an SMTP `url` or nodemailer `transport` options"
      )
    }
  }

  constructor({ logger }: { logger: Logger }, options: NodemailerProviderOptions) {
    super()
    this.logger_ = logger
    this.from_ = options.from
    const pool = options.pool ?? true
    this.transporter_ = options.url
      ? nodemailer.createTransport(withPool(options.url, pool))
      : nodemailer.createTransport({ pool, ...(options.transport ?? {}) } as any)
  }

  async send(notification: ProviderSendNotificationDTO): Promise<ProviderSendNotificationResultsDTO> {
    const content = notification.content
    if (!content?.subject || !(content.html || content.text)) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Notification for ${notification.to} has no subject or body to send`
      )
    }
    const data = (notification.provider_data ?? {}) as ThreadingProviderData
    const messageId = stringOrUndefined(data.message_id)
    const receiptKey = stringOrUndefined(data.receipt_key) ?? messageId
    const email = await this.composer_.compose({
      from: notification.from || this.from_,
      to: notification.to,
      subject: content.subject,
      html: content.html,
      text: content.text,
      messageId,
      inReplyTo: stringOrUndefined(data.in_reply_to),
      references: Array.isArray(data.references) && data.references.length ? data.references : undefined,
      replyTo: stringOrUndefined(data.reply_to),
      headers: data.headers && typeof data.headers === "object" ? data.headers : undefined,
    })
    // written above, as nodemailer would: the transport only adds what it adds to any message (DKIM);
    // given its Message-ID, nodemailer neither logs another nor draws one (five calls for random bytes)
    await this.transporter_.sendMail({ raw: email.raw, envelope: email.envelope, messageId: email.messageId })
    if (receiptKey) {
      // the email is out whatever happens to its receipt
      await recordSentEmail(receiptKey).catch((error: Error) =>
        this.logger_.warn(`affiliate messaging: receipt of ${receiptKey} not kept: ${error.message}`)
      )
    }
    return { id: email.messageId }
  }
}

type ThreadingProviderData = {
  message_id?: unknown
  receipt_key?: unknown
  in_reply_to?: unknown
  references?: string[]
  reply_to?: unknown
  headers?: Record<string, string>
}

const stringOrUndefined = (value: unknown) => (typeof value === "string" && value ? value : undefined)

function withPool(url: string, pool: boolean) {
  if (!pool) {
    return url
  }
  const parsed = new URL(url)
  parsed.searchParams.set("pool", "true")
  return parsed.toString()
}
