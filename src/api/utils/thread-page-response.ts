import type { MessageListParams, PaginatedResponse } from "../../types/http"
import type { ThreadPage } from "../../types/messaging"
import type { MessageView } from "./message-views"

/**
 * A thread page (read by the messaging module's `retrieveThreadPage`, which
 * applies the access rule) in the list shape; `offset` is the first
 * message's position.
 */
export function threadPageResponse<M>(
  page: ThreadPage,
  params: Required<Pick<MessageListParams, "limit">>,
  view: MessageView<M>
): PaginatedResponse<{ messages: M[] }> {
  return {
    messages: page.messages.map((message) => view(message, message.attachments)),
    count: page.count,
    offset: page.offset,
    limit: params.limit,
  }
}
