import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import type { DigestThread, MessageDigestEmailProps } from "../../../emails"
import { MESSAGING_MODULE } from "../../../modules/messaging"
import type { IMessagingModuleService } from "../../../types/messaging-module"
import type { ConversationDTO, MessageDTO } from "../../../types/messaging"
import { NotificationDigestInput, notificationDigestJob } from "../delivery-jobs"
import { conversationLink, notifiedMessages } from "../notified-messages"
import { replyByEmailOptions } from "../reply-address"
import { PENDING_AFFILIATES_BUCKET } from "./prepare-message-notifications"

/** Messages a digest lists per conversation; the rest are counted ("12 more messages from …"). */
export const DIGEST_LISTED_PER_THREAD = 20

export type PreparedDigest = {
  idempotency_key: string
  to: string
  recipient: NotificationDigestInput["recipient"]
  /**
   * The one conversation it lists, threaded and answerable like that
   * thread's emails; null when it lists several: a reply could not say
   * which one it answers, so such a digest has no Reply-To and starts a
   * mail thread of its own.
   */
  conversation_id: string | null
  props: MessageDigestEmailProps
}

/**
 * The digest of one recipient, bucket and hour: the messages of the emails
 * held over the cap that the store's team has not read since, grouped by
 * conversation, oldest first. Nothing left unread: no email.
 *
 * @example
 * const prepared = prepareNotificationDigestStep({ bucket: "aff_1", period_start, recipient })
 */
export const prepareNotificationDigestStep = createStep(
  "prepare-notification-digest",
  async (input: NotificationDigestInput, { container }) => {
    const messaging = container.resolve<IMessagingModuleService>(MESSAGING_MODULE)
    const options = messaging.getOptions()
    const periodStart = new Date(input.period_start)
    const held = await messaging.listHeldNotifications({
      bucket: input.bucket,
      period_start: periodStart,
      recipient_key: input.recipient.key,
    })
    const messageIds = [...new Set(held.flatMap((notification) => notification.message_ids))]
    if (!messageIds.length) {
      return new StepResponse<PreparedDigest[]>([])
    }
    const [messages, conversations] = await Promise.all([
      messaging.listMessages({ id: messageIds }, { order: { created_at: "ASC", id: "ASC" } }),
      messaging.listConversations({ id: [...new Set(held.map((notification) => notification.conversation_id))] }),
    ])

    const threads = new Map<ConversationDTO, MessageDTO[]>()
    for (const message of messages) {
      const conversation = conversations.find((c) => c.id === message.conversation_id)
      const readUpTo = conversation?.owner_read_at ? new Date(conversation.owner_read_at) : null
      if (conversation && (!readUpTo || new Date(message.created_at) > readUpTo)) {
        threads.set(conversation, [...(threads.get(conversation) ?? []), message])
      }
    }
    if (!threads.size) {
      return new StepResponse<PreparedDigest[]>([])
    }
    const listedMessages = [...threads.values()].flatMap((thread) => thread.slice(0, DIGEST_LISTED_PER_THREAD))
    const listed = await notifiedMessages(messaging, listedMessages)
    const digestThreads: DigestThread[] = [...threads].map(([conversation, thread]) => ({
      affiliateName: conversation.affiliate_name,
      link: conversationLink(options, "owner", conversation.id),
      messages: thread.slice(0, DIGEST_LISTED_PER_THREAD).map((m) => listed.get(m.id)!),
      more: Math.max(0, thread.length - DIGEST_LISTED_PER_THREAD),
    }))
    const job = notificationDigestJob(input.bucket, periodStart, options.affiliateEmailCapPeriodSeconds, input.recipient)
    const conversationId = threads.size === 1 ? [...threads.keys()][0].id : null
    return new StepResponse<PreparedDigest[]>([
      {
        idempotency_key: job.id,
        to: input.recipient.email,
        recipient: input.recipient,
        conversation_id: conversationId,
        props: {
          replyByEmail: !!conversationId && !!replyByEmailOptions(options),
          storeName: options.storeName,
          sourceName:
            input.bucket === PENDING_AFFILIATES_BUCKET ? "pending affiliates" : digestThreads[0].affiliateName,
          cap: options.affiliateEmailsPerHour || 0,
          threads: digestThreads,
        },
      },
    ])
  }
)
