import type { MedusaContainer } from "@medusajs/framework/types"
import type { MessageListParams, MessageListResponse } from "../../types/http"
import { messagingService } from "./conversations"
import { messageViews, Side } from "./messaging-views"

/** A page of a thread in the list shape; `offset` is the first message's position. */
export async function listThreadPage(
  scope: MedusaContainer,
  conversationId: string,
  params: Required<Pick<MessageListParams, "limit">> & MessageListParams,
  side: Side
): Promise<MessageListResponse> {
  const page = await messagingService(scope).listThreadPage({
    conversation_id: conversationId,
    limit: params.limit,
    offset: params.offset,
    before: params.before,
    after: params.after,
  })
  return {
    messages: await messageViews(scope, page.messages, side),
    count: page.count,
    offset: page.offset,
    limit: params.limit,
  }
}
