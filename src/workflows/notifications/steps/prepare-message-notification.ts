import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import type { NewMessageEmailProps } from "../../../emails"
import { MESSAGING_MODULE } from "../../../modules/messaging"
import type MessagingModuleService from "../../../modules/messaging/service"
import {
  ConversationDTO,
  MESSAGE_PREVIEW_LENGTH,
  MessageAuthorType,
  MessageDTO,
} from "../../../types/messaging"
import { isVisibleToMember } from "../../../utils/conversation-visibility"
import type { Recipient } from "./resolve-message-recipients"

export type MessageNotificationInput = {
  conversation_id: string
  recipient: Recipient
  /** The side whose messages this email reports. */
  from_side: Exclude<MessageAuthorType, "system">
  idempotency_key: string
  /** One message… */
  message_id?: string
  /** …or every unread message of a delay window (`notificationDelaySeconds`). */
  window?: { from: string; to: string }
}

export type PreparedNotification =
  | { send: false; reason: string }
  | { send: true; to: string; props: NewMessageEmailProps }

const preview = (body: string) => Array.from(body).slice(0, MESSAGE_PREVIEW_LENGTH).join("")

/**
 * What one recipient's email says, decided when it is sent: members who
 * turned notifications off or lost sight of the thread get nothing, and in
 * a delay window only messages the recipient has not read yet are listed.
 *
 * @example
 * const prepared = prepareMessageNotificationStep(input)
 */
export const prepareMessageNotificationStep = createStep(
  "prepare-message-notification",
  async (input: MessageNotificationInput, { container }) => {
    const messaging = container.resolve<MessagingModuleService>(MESSAGING_MODULE)
    const options = messaging.getOptions()
    const skip = (reason: string) => new StepResponse<PreparedNotification>({ send: false, reason })

    const [conversation] = (await messaging.listConversations({
      id: input.conversation_id,
    })) as ConversationDTO[]
    if (!conversation) {
      return skip("conversation not found")
    }
    if (input.recipient.kind === "member") {
      const {
        data: [member],
      } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
        entity: "affiliate_member",
        fields: ["id", "email_notifications", "affiliate_id"],
        filters: { id: input.recipient.id! },
      })
      if (!member || !isVisibleToMember(conversation, member) || !member.email_notifications) {
        return skip("member opted out or cannot see the conversation")
      }
    }

    let messages = (await messaging.listMessages(
      input.message_id
        ? { id: input.message_id }
        : {
            conversation_id: conversation.id,
            author_type: input.from_side,
            created_at: { $gte: new Date(input.window!.from), $lt: new Date(input.window!.to) },
          },
      { order: { created_at: "ASC", id: "ASC" } }
    )) as MessageDTO[]
    if (input.window) {
      const readUpTo = await lastReadAt(messaging, conversation, input.recipient)
      messages = messages.filter((m) => !readUpTo || new Date(m.created_at) > readUpTo)
    }
    if (!messages.length) {
      return skip("nothing unread to report")
    }

    const attachments = (await messaging.listMessageAttachments(
      { message_id: messages.map((m) => m.id) },
      { select: ["id", "message_id"] }
    )) as { message_id: string }[]
    const attachmentCount = (messageId: string) =>
      attachments.filter((a) => a.message_id === messageId).length

    const audience = input.recipient.kind === "member" ? "affiliate" : "owner"
    return new StepResponse<PreparedNotification>({
      send: true,
      to: input.recipient.email,
      props: {
        storeName: options.storeName,
        audience,
        affiliateName: conversation.affiliate_name,
        messages: messages.map((m) => ({
          sender: m.author_name,
          preview: preview(m.body),
          attachment_count: attachmentCount(m.id),
        })),
        link:
          audience === "affiliate"
            ? options.affiliatePortalUrl.replace("{conversation_id}", encodeURIComponent(conversation.id))
            : `${options.adminUrl.replace(/\/$/, "")}/messages/${conversation.id}`,
      },
    })
  }
)

/** When the recipient last read the conversation: its own mark, or the owners' shared one. */
async function lastReadAt(
  messaging: MessagingModuleService,
  conversation: ConversationDTO,
  recipient: Recipient
): Promise<Date | null> {
  if (recipient.kind === "member") {
    const mark = await messaging.memberReadMark(conversation.id, recipient.id!)
    return mark ? new Date(mark) : null
  }
  return conversation.owner_read_at ? new Date(conversation.owner_read_at) : null
}
