import type { MedusaContainer } from "@medusajs/framework/types"
import { MESSAGING_MODULE } from "../../modules/messaging"
import type { IMessagingModuleService } from "../../types/messaging-module"
import type { Conversation, StoreConversation } from "../../types/http"
import { retrieveVisibleConversation } from "../../utils/conversation-visibility"
import { ownerConversationViews, ownerUnread, storeConversationViews } from "./message-views"

export { retrieveVisibleConversation }

export const messagingService = (scope: MedusaContainer) =>
  scope.resolve<IMessagingModuleService>(MESSAGING_MODULE)

/** One conversation in the API shape, as the owners see it. */
export async function ownerConversationView(
  scope: MedusaContainer,
  id: string
): Promise<Conversation> {
  const conversation = await retrieveVisibleConversation(scope, id)
  const [view] = ownerConversationViews([conversation], ownerUnread)
  return view
}

/** One conversation in the store shape, as one member sees it. */
export async function memberConversationView(
  scope: MedusaContainer,
  id: string,
  member: { id: string; affiliate_id: string }
): Promise<StoreConversation> {
  const conversation = await retrieveVisibleConversation(scope, id, member)
  const unread = await messagingService(scope).isUnreadForMember({ conversation_id: conversation.id, member_id: member.id })
  const [view] = storeConversationViews([conversation], () => unread)
  return view
}
