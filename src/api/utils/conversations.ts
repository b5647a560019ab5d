import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { MESSAGING_MODULE } from "../../modules/messaging"
import type MessagingModuleService from "../../modules/messaging/service"
import type { ConversationDTO } from "../../types/messaging"
import type { Conversation } from "../../types/http"
import { isVisibleToMember } from "../../utils/conversation-visibility"
import { conversationViews, ownerUnread } from "./messaging-views"

export const messagingService = (scope: MedusaContainer) =>
  scope.resolve<MessagingModuleService>(MESSAGING_MODULE)

/** A conversation the caller may see, or 404 (never 403: existence stays hidden). */
export async function retrieveVisibleConversation(
  scope: MedusaContainer,
  id: string,
  member?: { id: string; affiliate_id: string }
): Promise<ConversationDTO> {
  const [conversation] = (await messagingService(scope).listConversations(
    { id },
    { take: 1 }
  )) as ConversationDTO[]
  if (!conversation || (member && !isVisibleToMember(conversation, member))) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Conversation ${id} was not found`)
  }
  return conversation
}

/** One conversation in the API shape, as the owners see it. */
export async function ownerConversationView(
  scope: MedusaContainer,
  id: string
): Promise<Conversation> {
  const conversation = await retrieveVisibleConversation(scope, id)
  const [view] = await conversationViews(scope, [conversation], ownerUnread)
  return view
}

/** One conversation in the API shape, as one member sees it. */
export async function memberConversationView(
  scope: MedusaContainer,
  id: string,
  member: { id: string; affiliate_id: string }
): Promise<Conversation> {
  const conversation = await retrieveVisibleConversation(scope, id, member)
  const unread = await messagingService(scope).isUnreadForMember(conversation.id, member.id)
  const [view] = await conversationViews(scope, [conversation], () => unread)
  return view
}
