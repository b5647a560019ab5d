import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { MESSAGING_MODULE } from "../../../modules/messaging"
import type { IMessagingModuleService } from "../../../types/messaging-module"
import { notificationEmailDomain } from "../../../utils/email-domain"
import { signUnsubscribeToken, unsubscribeKeys, unsubscribeUrl } from "../../../utils/unsubscribe-token"
import { replyAddressesOf, replyByEmailOptions } from "../reply-address"
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

    const messageIds = emails.map((email) => `<${email.anchor}@${domain}>`)
    const previous = await previousEmails(notifications, emails, messageIds)
    const replyTo = replyByEmail ? await replyAddressesOf(container, emails) : []
    const headers = emails.map((email, i): NotificationHeaders => ({
      message_id: messageIds[i],
      in_reply_to: previous[i]?.message_id ?? null,
      references: previous[i] ? trimReferences([...previous[i]!.references, previous[i]!.message_id]) : [],
      reply_to: replyTo[i] ?? null,
      list_unsubscribe:
        email.recipient.kind === "member"
          ? unsubscribeUrl(options.backendUrl, signUnsubscribeToken(keys, email.recipient.id!))
          : null,
    }))
    return new StepResponse(headers)
  }
)

type SentThreadEmail = { message_id: string; references: string[] }
type SentNotification = { receiver_id?: string | null; provider_data?: Record<string, unknown> | null }
type NotificationLister = { listNotifications: (...args: any[]) => Promise<SentNotification[]> }

/**
 * Each email's previous email: the latest of its conversation to its
 * recipient that is not this one (a retry finds its own first run).
 * First one query per conversation for all its recipients, newest first,
 * a few rows per recipient: a recipient's first row there is its latest
 * email. Recipients it does not reach (emailed long ago, or a retry that
 * only sees its own first run) are looked up one by one.
 */
async function previousEmails(
  notifications: NotificationLister,
  emails: EmailToThread[],
  messageIds: string[]
): Promise<(SentThreadEmail | null)[]> {
  const found: (SentThreadEmail | null | undefined)[] = emails.map((email) => (email.conversation_id ? undefined : null))
  const byConversation = new Map<string, number[]>()
  emails.forEach((email, i) => {
    if (email.conversation_id) {
      byConversation.set(email.conversation_id, [...(byConversation.get(email.conversation_id) ?? []), i])
    }
  })
  for (const [conversationId, group] of byConversation) {
    const keys = [...new Set(group.map((i) => emails[i].recipient.key))]
    const recent = await sentToRecipients(notifications, conversationId, keys, RECENT_ROWS_PER_RECIPIENT * keys.length)
    for (const i of group) {
      // not among the newest rows: left undefined, for the lookup one by one below
      found[i] = latestThreadEmail(recent, emails[i].recipient.key, messageIds[i]) ?? undefined
    }
  }
  const missing = found.flatMap((previous, i) => (previous === undefined ? [i] : []))
  // a few at a time: a batch of 50 must not take the whole connection pool
  for (let first = 0; first < missing.length; first += LOOKUPS_AT_ONCE) {
    await Promise.all(
      missing.slice(first, first + LOOKUPS_AT_ONCE).map(async (i) => {
        const { conversation_id, recipient } = emails[i]
        const rows = await sentToRecipients(notifications, conversation_id!, [recipient.key], 5)
        found[i] = latestThreadEmail(rows, recipient.key, messageIds[i])
      })
    )
  }
  return found.map((previous) => previous ?? null)
}

/** Rows per recipient the batched lookup reads: its latest email is among them unless it was skipped lately. */
const RECENT_ROWS_PER_RECIPIENT = 2

/** The conversation's emails to these recipients, newest first. */
async function sentToRecipients(
  notifications: NotificationLister,
  conversationId: string,
  recipientKeys: string[],
  take: number
): Promise<SentNotification[]> {
  return await notifications.listNotifications(
    {
      resource_type: NOTIFICATION_RESOURCE_TYPE,
      resource_id: conversationId,
      receiver_id: recipientKeys,
      channel: "email",
      status: ["success", "pending"],
    },
    { select: ["id", "receiver_id", "provider_data", "created_at"], order: { created_at: "DESC" }, take }
  )
}

/** The first of `rows` (newest first) sent to `recipientKey` that is a thread email other than `ownMessageId`. */
function latestThreadEmail(rows: SentNotification[], recipientKey: string, ownMessageId: string): SentThreadEmail | null {
  for (const row of rows) {
    const email = row.receiver_id === recipientKey ? threadEmailOf(row, ownMessageId) : null
    if (email) {
      return email
    }
  }
  return null
}

/** The row as a thread email, unless it is `ownMessageId` (a retry's first run) or carries none. */
function threadEmailOf({ provider_data: data }: SentNotification, ownMessageId: string): SentThreadEmail | null {
  if (typeof data?.message_id !== "string" || data.message_id === ownMessageId) {
    return null
  }
  return {
    message_id: data.message_id,
    references: Array.isArray(data.references) ? data.references.filter((r) => typeof r === "string") : [],
  }
}

function trimReferences(references: string[]): string[] {
  return references.length <= MAX_REFERENCES
    ? references
    : [references[0], ...references.slice(references.length - MAX_REFERENCES + 1)]
}
