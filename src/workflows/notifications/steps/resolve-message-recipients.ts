import { Modules } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { createHash } from "crypto"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type { IAffiliateModuleService } from "../../../types/affiliate-module"
import { MESSAGING_MODULE } from "../../../modules/messaging"
import type { IMessagingModuleService } from "../../../types/messaging-module"
import type { ConversationDTO, MessageDTO } from "../../../types/messaging"

export type Recipient = {
  /** Stable per recipient: part of the delivery's idempotency key. */
  key: string
  kind: "member" | "user" | "address"
  id: string | null
  email: string
}

export type MessageRecipients = {
  message: MessageDTO
  conversation: ConversationDTO
  recipients: Recipient[]
  delay_seconds: number
}

const addressKey = (email: string) =>
  `addr_${createHash("sha256").update(email).digest("hex").slice(0, 16)}`

/**
 * Who is emailed about a message, by the design's rules. An owner message
 * reaches the members who can see the conversation and have notifications
 * on. An affiliate message reaches the affiliate's manager and the
 * `notification_emails` setting, or every admin when both are empty.
 *
 * @example
 * const { recipients } = resolveMessageRecipientsStep({ message_id: "msg_1" })
 */
export const resolveMessageRecipientsStep = createStep(
  "resolve-message-recipients",
  async (input: { message_id: string }, { container }) => {
    const messaging = container.resolve<IMessagingModuleService>(MESSAGING_MODULE)
    const [message] = await messaging.listNotifiedMessages({ id: input.message_id })
    const conversation = message ? await messaging.findConversation(message.conversation_id) : null
    const delay_seconds = messaging.getOptions().notificationDelaySeconds
    if (!message || !conversation) {
      return new StepResponse<MessageRecipients | null>(null)
    }

    const recipients: Recipient[] = []
    if (message.author_type === "owner") {
      const members = await container.resolve<IAffiliateModuleService>(AFFILIATE_MODULE).listNotifiedMembers({
        affiliate_id: conversation.affiliate_id,
        ...(conversation.member_id ? { ids: [conversation.member_id] } : {}),
      })
      for (const member of members.filter((m) => m.email_notifications)) {
        recipients.push({ key: member.id, kind: "member", id: member.id, email: member.email })
      }
    } else {
      const users = container.resolve(Modules.USER)
      const settings = await messaging.retrieveSettings()
      if (conversation.affiliate_manager_id) {
        const [manager] = await users.listUsers({ id: conversation.affiliate_manager_id })
        if (manager) {
          recipients.push({ key: manager.id, kind: "user", id: manager.id, email: manager.email })
        }
      }
      for (const email of settings.notification_emails) {
        recipients.push({ key: addressKey(email), kind: "address", id: null, email })
      }
      if (!recipients.length) {
        for (const user of await users.listUsers({})) {
          recipients.push({ key: user.id, kind: "user", id: user.id, email: user.email })
        }
      }
    }
    const unique = new Map(recipients.map((r) => [r.email.toLowerCase(), r]))
    return new StepResponse<MessageRecipients | null>({
      message,
      conversation,
      recipients: [...unique.values()],
      delay_seconds,
    })
  }
)
