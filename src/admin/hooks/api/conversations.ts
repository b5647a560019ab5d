import {
  keepPreviousData,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query"
import type {
  AdminConversationListParams,
  AdminConversationListResponse,
  AdminCreateConversationBody,
  ConversationResponse,
  ConversationWithMessageResponse,
} from "../../../types/http"
import { queryKeysFactory } from "../../lib/query-key-factory"
import { sdk } from "../../lib/sdk"
import { apiPath } from "../../lib/api-path"
import { announceUnreadChange } from "../../lib/unread-events"
import { messagesQueryKeys } from "./messages"
import { useLiveRefetchInterval } from "./live-updates"

export const conversationsQueryKeys = queryKeysFactory("affiliate_conversations")

/** Kept current by the admin stream (live-updates.ts); polled slowly only while it is down. */
export const useConversations = (
  query: AdminConversationListParams,
  options: { enabled?: boolean } = {}
) => {
  const refetchInterval = useLiveRefetchInterval()
  const { data, ...rest } = useQuery({
    queryKey: conversationsQueryKeys.list(query),
    queryFn: () =>
      sdk.client.fetch<AdminConversationListResponse>("/admin/conversations", { query }),
    placeholderData: keepPreviousData,
    refetchInterval,
    ...options,
  })
  return { ...data, ...rest }
}

/** Opening a thread marks it read for every admin: the GET does it server-side. */
export const useConversation = (id: string) => {
  const queryClient = useQueryClient()
  const refetchInterval = useLiveRefetchInterval()
  const { data, ...rest } = useQuery({
    queryKey: conversationsQueryKeys.detail(id),
    queryFn: async () => {
      const response = await sdk.client.fetch<ConversationResponse>(
        apiPath`/admin/conversations/${id}`
      )
      queryClient.invalidateQueries({ queryKey: conversationsQueryKeys.lists() })
      announceUnreadChange()
      return response
    },
    refetchInterval,
  })
  return { ...data, ...rest }
}

/**
 * Only the lists are refetched: refetching the open thread would GET it and
 * so mark it read again.
 */
export const useMarkConversationUnread = (id: string) => {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () =>
      sdk.client.fetch<ConversationResponse>(apiPath`/admin/conversations/${id}/unread`, {
        method: "POST",
      }),
    onSuccess: (data) => {
      queryClient.setQueryData(conversationsQueryKeys.detail(id), data)
      queryClient.invalidateQueries({ queryKey: conversationsQueryKeys.lists() })
      announceUnreadChange()
    },
  })
}

/** New Message: appends to the audience's existing thread or starts it. */
export const useStartConversation = () => {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: AdminCreateConversationBody) =>
      sdk.client.fetch<ConversationWithMessageResponse>("/admin/conversations", {
        method: "POST",
        body,
      }),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: conversationsQueryKeys.all })
      queryClient.invalidateQueries({ queryKey: messagesQueryKeys.all })
    },
  })
}
