import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { MESSAGING_MODULE } from "../modules/messaging"
import type MessagingModuleService from "../modules/messaging/service"
import type { ConversationDTO } from "../types/messaging"

/**
 * A member sees its affiliate's team thread and its own member thread:
 * never another member's thread, never another affiliate's.
 */
export function isVisibleToMember(
  conversation: { affiliate_id: string; member_id: string | null },
  member: { id: string; affiliate_id: string }
): boolean {
  return (
    conversation.affiliate_id === member.affiliate_id &&
    (conversation.member_id === null || conversation.member_id === member.id)
  )
}

/**
 * A conversation the caller may see (admins: all; a member: see above), or
 * 404, never 403, so callers cannot learn that it exists. Shared by routes
 * and workflow steps.
 */
export async function retrieveVisibleConversation(
  container: Pick<MedusaContainer, "resolve">,
  id: string,
  member?: { id: string; affiliate_id: string }
): Promise<ConversationDTO> {
  const conversation = await container
    .resolve<MessagingModuleService>(MESSAGING_MODULE)
    .findConversation(id)
  if (!conversation || (member && !isVisibleToMember(conversation, member))) {
    throw conversationNotFound(id)
  }
  return conversation
}

/** What a caller gets for a conversation it may not see, or that does not exist. */
export function conversationNotFound(id: string) {
  return new MedusaError(MedusaError.Types.NOT_FOUND, `Conversation ${id} was not found`)
}
