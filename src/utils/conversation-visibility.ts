import type { MedusaContainer } from "@medusajs/framework/types"
import { MESSAGING_MODULE } from "../modules/messaging"
import type { IMessagingModuleService } from "../types/messaging-module"
import type { ConversationDTO } from "../types/messaging"
import { conversationNotFound, isVisibleToMember, type MemberReader } from "../modules/messaging/visibility"

// the rule lives with the module, which applies it to thread pages
export { conversationNotFound, isVisibleToMember }

/**
 * A conversation the caller may see (admins: all; a member: see isVisibleToMember), or
 * 404, never 403, so callers cannot learn that it exists. Shared by routes
 * and workflow steps.
 */
export async function retrieveVisibleConversation(
  container: Pick<MedusaContainer, "resolve">,
  id: string,
  member?: MemberReader
): Promise<ConversationDTO> {
  const conversation = await container
    .resolve<IMessagingModuleService>(MESSAGING_MODULE)
    .findConversation(id)
  return ensureVisibleConversation(conversation, id, member)
}

/** The rule of `retrieveVisibleConversation` for a conversation already read (null: none): it, or 404. */
export function ensureVisibleConversation(
  conversation: ConversationDTO | null,
  id: string,
  member?: MemberReader
): ConversationDTO {
  if (!conversation || (member && !isVisibleToMember(conversation, member))) {
    throw conversationNotFound(id)
  }
  return conversation
}
