import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import type { MessageListParams, PaginatedResponse } from "../../types/http"
import { conversationNotFound, isVisibleToMember } from "../../utils/conversation-visibility"
import { messagingService } from "./conversations"
import type { MessageView } from "./messaging-views"

/**
 * A page of a thread in the list shape; `offset` is the first message's
 * position. One statement reads the conversation and the page: a thread the
 * caller may not see (a member: only its team's thread and its own) is 404
 * before anything else, a cursor from another thread 400.
 */
export async function listThreadPage<M>(
  scope: MedusaContainer,
  conversationId: string,
  params: Required<Pick<MessageListParams, "limit">> & MessageListParams,
  view: MessageView<M>,
  member?: { id: string; affiliate_id: string }
): Promise<PaginatedResponse<{ messages: M[] }>> {
  const page = await messagingService(scope).listThreadPage({
    conversation_id: conversationId,
    limit: params.limit,
    offset: params.offset,
    before: params.before,
    after: params.after,
  })
  if (!page.thread || (member && !isVisibleToMember(page.thread, member))) {
    throw conversationNotFound(conversationId)
  }
  if (!page.cursor_found) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `Message ${params.after ?? params.before} is not in this conversation`
    )
  }
  return {
    messages: page.messages.map((message) => view(message, message.attachments)),
    count: page.count,
    offset: page.offset,
    limit: params.limit,
  }
}
