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
 * email of the same conversation to the same recipient: the messaging
 * module's record of the latest one (decision 0042), else, for a thread
 * emailed before that record existed, the Notification Module's
 * (`resource_id` = conversation, `receiver_id` = the recipient's key);
 * found when the email is sent, so held, skipped and windowed emails never
 * leave a gap. Reply-To tokens and unsubscribe links
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
    const messaging = container.resolve<IMessagingModuleService>(MESSAGING_MODULE)
    const options = messaging.getOptions()
    const configModule = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE)
    const replyByEmail = replyByEmailOptions(options)
    const domain = notificationEmailDomain(configModule, { backendUrl: options.backendUrl, replyTo: replyByEmail?.replyTo })
    const keys = emails.some((email) => email.recipient.kind === "member")
      ? unsubscribeKeys(configModule, replyByEmail?.secret)
      : []
    const notifications = container.resolve(Modules.NOTIFICATION)

    const messageIds = emails.map((email) => `<${email.anchor}@${domain}>`)
    const previous = await previousEmails(messaging, notifications, emails, messageIds)
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
 * recipient that is not this one. First the messaging module's record of
 * each recipient's latest email, one indexed query per conversation (a
 * retry whose first run was recorded finds that run's previous email at
 * the end of its References). Recipients without a record (last emailed
 * in the thread before the record existed, or their record failed) are
 * looked up in the Notification Module's rows: one query for them all,
 * newest first, a few rows per recipient, then one by one for those it
 * does not reach.
 */
async function previousEmails(
  messaging: IMessagingModuleService,
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
    const recorded = await messaging.latestThreadEmails({ conversation_id: conversationId, recipient_keys: keys })
    const latest = new Map(recorded.map((email) => [email.recipient_key, email]))
    for (const i of group) {
      const record = latest.get(emails[i].recipient.key)
      found[i] = record ? previousOf(record, messageIds[i]) : undefined
    }
    const unrecorded = keys.filter((key) => !latest.has(key))
    if (!unrecorded.length) {
      continue
    }
    const rows = RECENT_ROWS_PER_RECIPIENT * unrecorded.length
    const recent = await sentToRecipients(notifications, conversationId, unrecorded, rows)
    for (const i of group) {
      if (found[i] === undefined) {
        // not among the newest rows: left undefined, for the lookup one by one below
        found[i] = latestThreadEmail(recent, emails[i].recipient.key, messageIds[i]) ?? undefined
      }
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

/**
 * The email before `ownMessageId`, given the recipient's latest of the
 * thread: that one; or, when it is this very email (a retry whose first
 * run was sent and recorded), the one its References end with, so the
 * retry writes the headers its first run wrote; null before a thread's first.
 */
export function previousOf(latest: SentThreadEmail, ownMessageId: string): SentThreadEmail | null {
  if (latest.message_id !== ownMessageId) {
    return { message_id: latest.message_id, references: latest.references }
  }
  const { references } = latest
  return references.length
    ? { message_id: references[references.length - 1], references: references.slice(0, -1) }
    : null
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

export function trimReferences(references: string[]): string[] {
  return references.length <= MAX_REFERENCES
    ? references
    : [references[0], ...references.slice(references.length - MAX_REFERENCES + 1)]
}
