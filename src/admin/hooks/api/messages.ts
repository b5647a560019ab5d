import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query"
import type { MessageListResponse, MessageResponse, SendMessageBody } from "../../../types/http"
import { queryKeysFactory } from "../../lib/query-key-factory"
import { sdk } from "../../lib/sdk"
import { apiPath } from "../../lib/api-path"
import { announceUnreadChange } from "../../lib/unread-events"
import { conversationsQueryKeys } from "./conversations"
import { useLiveRefetchInterval } from "./live-updates"

export const messagesQueryKeys = queryKeysFactory("affiliate_messages")

const PAGE_SIZE = 50

/**
 * The latest page first, then older pages through the `before` cursor; every
 * page is oldest first, so the thread reads top to bottom.
 */
export const useThreadMessages = (conversationId: string) => {
  const refetchInterval = useLiveRefetchInterval()
  return useInfiniteQuery({
    queryKey: messagesQueryKeys.list({ conversation_id: conversationId }),
    queryFn: ({ pageParam }) =>
      sdk.client.fetch<MessageListResponse>(
        apiPath`/admin/conversations/${conversationId}/messages`,
        { query: { limit: PAGE_SIZE, ...(pageParam ? { before: pageParam } : {}) } }
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) =>
      page.messages.length === PAGE_SIZE ? page.messages[0]?.id : undefined,
    refetchInterval,
  })
}

export const useSendMessage = (conversationId: string) => {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: SendMessageBody) =>
      sdk.client.fetch<MessageResponse>(apiPath`/admin/conversations/${conversationId}/messages`, {
        method: "POST",
        body,
      }),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: messagesQueryKeys.all })
      queryClient.invalidateQueries({ queryKey: conversationsQueryKeys.all })
      announceUnreadChange()
    },
  })
}
