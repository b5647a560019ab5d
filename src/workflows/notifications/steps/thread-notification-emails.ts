import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { MESSAGING_MODULE } from "../../../modules/messaging"
import type { IMessagingModuleService } from "../../../types/messaging-module"
import { notificationEmailDomain } from "../../../utils/email-domain"
import { signUnsubscribeToken, unsubscribeKeys, unsubscribeUrl } from "../../../utils/unsubscribe-token"
import { replyAddressOf, replyByEmailOptions } from "../reply-address"
import type { Recipient } from "./resolve-message-recipients"

/** What the Notification Module records a conversation's emails under, to find a thread's previous one. */
export const NOTIFICATION_RESOURCE_TYPE = "affiliate_conversation"

/** RFC 5322 lets `References` be trimmed; the first (the thread's root) and the latest are kept. */
const MAX_REFERENCES = 10
const LOOKUPS_AT_ONCE = 5

export type EmailToThread = {
  /** Left of the `@` of its Message-ID: one per email and recipient, the same on every retry. */
  anchor: string
  recipient: Recipient
  /** The conversation it is about; null for a digest about several. */
  conversation_id: string | null
}

/** Headers of one notification email, provider-neutral: the plugin's nodemailer provider sets them all. */
export type NotificationHeaders = {
  message_id: string
  in_reply_to: string | null
  references: string[]
  /** The recipient's own reply address (reply by email), null when off. */
  reply_to: string | null
  /** One-click unsubscribe link, affiliate members only. */
  list_unsubscribe: string | null
}

/**
 * The headers that make a recipient's emails of one thread one thread in
 * their mail client and answerable from it. `In-Reply-To` is the previous
 * email of the same conversation to the same recipient, as the Notification
 * Module recorded it (`resource_id` = conversation, `receiver_id` = the
 * recipient's key); found when the email is sent, so held, skipped and
 * windowed emails never leave a gap. Reply-To tokens and unsubscribe links
 * are derived here, in the job, from ids: the queue never holds either.
 *
 * No compensation: the one write, a reply token's key row, is derived data
 * that the same recipient and conversation always get again; removing it
 * could void an address an earlier email already carries.
 *
 * @example
 * const headers = threadNotificationEmailsStep([{ anchor: "msg_1.affmem_1", recipient, conversation_id: "conv_1" }])
 */
export const threadNotificationEmailsStep = createStep(
  "thread-notification-emails",
  async (emails: EmailToThread[], { container }) => {
    if (!emails.length) {
      return new StepResponse<NotificationHeaders[]>([])
    }
    const options = container.resolve<IMessagingModuleService>(MESSAGING_MODULE).getOptions()
    const configModule = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE)
    const replyByEmail = replyByEmailOptions(options)
    const domain = notificationEmailDomain(configModule, { backendUrl: options.backendUrl, replyTo: replyByEmail?.replyTo })
    const keys = emails.some((email) => email.recipient.kind === "member")
      ? unsubscribeKeys(configModule, replyByEmail?.secret)
      : []
    const notifications = container.resolve(Modules.NOTIFICATION)

    const headersOf = async (email: EmailToThread): Promise<NotificationHeaders> => {
      const message_id = `<${email.anchor}@${domain}>`
      const previous = email.conversation_id
        ? await previousEmail(notifications, email.conversation_id, email.recipient.key, message_id)
        : null
      return {
        message_id,
        in_reply_to: previous?.message_id ?? null,
        references: previous ? trimReferences([...previous.references, previous.message_id]) : [],
        reply_to:
          replyByEmail && email.conversation_id
            ? await replyAddressOf(container, email.conversation_id, email.recipient)
            : null,
        list_unsubscribe:
          email.recipient.kind === "member"
            ? unsubscribeUrl(options.backendUrl, signUnsubscribeToken(keys, email.recipient.id!))
            : null,
      }
    }
    // a few at a time: a batch of 50 must not take the whole connection pool
    const headers: NotificationHeaders[] = []
    for (let first = 0; first < emails.length; first += LOOKUPS_AT_ONCE) {
      headers.push(...(await Promise.all(emails.slice(first, first + LOOKUPS_AT_ONCE).map(headersOf))))
    }
    return new StepResponse(headers)
  }
)

type SentThreadEmail = { message_id: string; references: string[] }

/** The latest email of the conversation to the recipient that is not this one (a retry finds its own first run). */
async function previousEmail(
  notifications: { listNotifications: (...args: any[]) => Promise<{ provider_data?: Record<string, unknown> | null }[]> },
  conversationId: string,
  recipientKey: string,
  messageId: string
): Promise<SentThreadEmail | null> {
  const sent = await notifications.listNotifications(
    {
      resource_type: NOTIFICATION_RESOURCE_TYPE,
      resource_id: conversationId,
      receiver_id: recipientKey,
      channel: "email",
      status: ["success", "pending"],
    },
    { select: ["id", "provider_data", "created_at"], order: { created_at: "DESC" }, take: 5 }
  )
  for (const { provider_data: data } of sent) {
    if (typeof data?.message_id === "string" && data.message_id !== messageId) {
      return {
        message_id: data.message_id,
        references: Array.isArray(data.references) ? data.references.filter((r) => typeof r === "string") : [],
      }
    }
  }
  return null
}

function trimReferences(references: string[]): string[] {
  return references.length <= MAX_REFERENCES
    ? references
    : [references[0], ...references.slice(references.length - MAX_REFERENCES + 1)]
}
