import type { MedusaContainer } from "@medusajs/framework/types"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import type { NewMessageEmailProps } from "../../../emails"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type { IAffiliateModuleService } from "../../../types/affiliate-module"
import { MESSAGING_MODULE } from "../../../modules/messaging"
import type { IMessagingModuleService } from "../../../types/messaging-module"
import { ConversationDTO, MessageAuthorType, MessageDTO } from "../../../types/messaging"
import { isVisibleToMember } from "../../../utils/conversation-visibility"
import { conversationLink, notifiedMessages } from "../notified-messages"
import { replyByEmailOptions } from "../reply-address"
import type { Recipient } from "./resolve-message-recipients"

/** One recipient of a delivery job, with the key that makes its email sent once. */
export type MessageDelivery = { recipient: Recipient; idempotency_key: string }

export type MessageNotificationInput = {
  conversation_id: string
  /** Everyone the job emails: up to a batch about one message, one recipient for a window. */
  deliveries: MessageDelivery[]
  /** The side whose messages this email reports. */
  from_side: Exclude<MessageAuthorType, "system">
  /** One message… */
  message_id?: string
  /** …or every unread message of a delay window (`notificationDelaySeconds`). */
  window?: { from: string; to: string }
}

/**
 * A delivery's input inside the run that resolved its recipients (the
 * first batch of `enqueueMessageNotificationsWorkflow`): the conversation
 * and the message that run read a moment before, not read again, and
 * recipients it chose by the same rules this step checks. Never queued:
 * a job that runs later reads them afresh.
 */
export type ResolvedMessageNotificationInput = MessageNotificationInput & {
  read?: { conversation: ConversationDTO; message: MessageDTO }
}

export type PreparedNotification = {
  idempotency_key: string
  to: string
  recipient: Recipient
  conversation_id: string
  /** The messages the email lists. */
  message_ids: string[]
  /** Whose `affiliateEmailsPerHour` budget the email counts against; null for emails to affiliates. */
  cap_bucket: string | null
  props: NewMessageEmailProps
}

/** Pending affiliates share one budget: sign-ups are free, so their number is no limit. */
export const PENDING_AFFILIATES_BUCKET = "pending"

const capBucket = (conversation: ConversationDTO) =>
  conversation.affiliate_status === "pending" ? PENDING_AFFILIATES_BUCKET : conversation.affiliate_id

/**
 * What each recipient's email says, decided when it is sent: members who
 * turned notifications off or lost sight of the thread get nothing, and in
 * a delay window only messages the recipient has not read yet are listed.
 * One read of each table for the whole batch.
 *
 * @example
 * const prepared = prepareMessageNotificationsStep(input)
 */
export const prepareMessageNotificationsStep = createStep(
  "prepare-message-notifications",
  async (input: ResolvedMessageNotificationInput, { container }) => {
    const messaging = container.resolve<IMessagingModuleService>(MESSAGING_MODULE)
    const options = messaging.getOptions()
    const replyByEmail = !!replyByEmailOptions(options)

    const conversation = input.read?.conversation ?? (await messaging.findConversation(input.conversation_id))
    if (!conversation) {
      return new StepResponse<PreparedNotification[]>([])
    }
    const deliveries = input.read
      ? input.deliveries
      : await withoutUnwantedMembers(container, conversation, input.deliveries)
    if (!deliveries.length) {
      return new StepResponse<PreparedNotification[]>([])
    }

    const messages = input.read
      ? [input.read.message]
      : await messaging.listNotifiedMessages(
          input.message_id
            ? { id: input.message_id }
            : {
                conversation_id: conversation.id,
                author_type: input.from_side,
                from: new Date(input.window!.from),
                to: new Date(input.window!.to),
              }
        )
    const listed = await notifiedMessages(messaging, messages)

    const prepared: PreparedNotification[] = []
    for (const delivery of deliveries) {
      let reported = messages
      if (input.window) {
        const readUpTo = await lastReadAt(messaging, conversation, delivery.recipient)
        reported = messages.filter((m) => !readUpTo || new Date(m.created_at) > readUpTo)
      }
      if (!reported.length) {
        continue
      }
      const audience = delivery.recipient.kind === "member" ? "affiliate" : "owner"
      prepared.push({
        idempotency_key: delivery.idempotency_key,
        to: delivery.recipient.email,
        recipient: delivery.recipient,
        conversation_id: conversation.id,
        message_ids: reported.map((m) => m.id),
        cap_bucket: audience === "owner" ? capBucket(conversation) : null,
        props: {
          storeName: options.storeName,
          audience,
          affiliateName: conversation.affiliate_name,
          messages: reported.map((m) => listed.get(m.id)!),
          link: conversationLink(options, audience, conversation.id),
          replyByEmail,
        },
      })
    }
    return new StepResponse(prepared)
  }
)

/** Drops members who opted out or can no longer see the conversation, read in one query. */
async function withoutUnwantedMembers(
  container: Pick<MedusaContainer, "resolve">,
  conversation: ConversationDTO,
  deliveries: MessageDelivery[]
): Promise<MessageDelivery[]> {
  const memberIds = deliveries.filter((d) => d.recipient.kind === "member").map((d) => d.recipient.id!)
  if (!memberIds.length) {
    return deliveries
  }
  const members = await container.resolve<IAffiliateModuleService>(AFFILIATE_MODULE).listNotifiedMembers({ ids: memberIds })
  const wanted = new Set(
    members
      .filter((member) => isVisibleToMember(conversation, member) && member.email_notifications)
      .map((member) => member.id)
  )
  return deliveries.filter((d) => d.recipient.kind !== "member" || wanted.has(d.recipient.id!))
}

/** When the recipient last read the conversation: its own mark, or the owners' shared one. */
async function lastReadAt(
  messaging: IMessagingModuleService,
  conversation: ConversationDTO,
  recipient: Recipient
): Promise<Date | null> {
  if (recipient.kind === "member") {
    const mark = await messaging.memberReadMark({ conversation_id: conversation.id, member_id: recipient.id! })
    return mark ? new Date(mark) : null
  }
  return conversation.owner_read_at ? new Date(conversation.owner_read_at) : null
}
