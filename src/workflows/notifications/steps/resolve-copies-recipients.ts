import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { MESSAGING_MODULE } from "../../../modules/messaging"
import type { IMessagingModuleService } from "../../../types/messaging-module"
import type { MessageRecipients, Recipient } from "./resolve-message-recipients"

/**
 * Who is emailed about each of a broadcast batch's copies, in three reads
 * for the whole batch instead of three per copy: the messages, their
 * threads, and the members with notifications on of their affiliates. The
 * rule is an owner message's in `resolveMessageRecipientsStep` (the
 * members who can see the thread, notifications on); a broadcast copy is
 * always an owner message, and any other message is left out here.
 *
 * @example
 * const resolved = resolveCopiesRecipientsStep({ message_ids: ["msg_1", "msg_2"] })
 */
export const resolveCopiesRecipientsStep = createStep(
  "resolve-copies-recipients",
  async (input: { message_ids: string[] }, { container }) => {
    const messaging = container.resolve<IMessagingModuleService>(MESSAGING_MODULE)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const messages = (await messaging.listMessages({ id: input.message_ids })).filter((m) => m.author_type === "owner")
    const conversations = messages.length
      ? await messaging.listConversations({ id: [...new Set(messages.map((m) => m.conversation_id))] })
      : []
    const threads = new Map(conversations.map((c) => [c.id, c]))
    const { data: members } = conversations.length
      ? await query.graph({
          entity: "affiliate_member",
          fields: ["id", "email", "affiliate_id"],
          filters: { affiliate_id: [...new Set(conversations.map((c) => c.affiliate_id))], email_notifications: true },
        })
      : { data: [] as { id: string; email: string; affiliate_id: string }[] }
    const byAffiliate = new Map<string, Recipient[]>()
    for (const member of members) {
      const list = byAffiliate.get(member.affiliate_id) ?? []
      list.push({ key: member.id, kind: "member", id: member.id, email: member.email })
      byAffiliate.set(member.affiliate_id, list)
    }
    const delay_seconds = messaging.getOptions().notificationDelaySeconds
    const resolved: MessageRecipients[] = []
    for (const message of messages) {
      const conversation = threads.get(message.conversation_id)
      if (!conversation) {
        continue
      }
      const visible = (byAffiliate.get(conversation.affiliate_id) ?? []).filter(
        (recipient) => !conversation.member_id || recipient.id === conversation.member_id
      )
      const unique = new Map(visible.map((r) => [r.email.toLowerCase(), r]))
      resolved.push({ message, conversation, recipients: [...unique.values()], delay_seconds })
    }
    return new StepResponse(resolved)
  }
)
