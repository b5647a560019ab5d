import { toast } from "@medusajs/ui"
import { useQueryClient } from "@tanstack/react-query"
import { useCallback } from "react"
import { useNavigate } from "react-router-dom"
import type { AdminConversationListParams, AdminConversationListResponse } from "../../types/http"
import { apiErrorMessage } from "../lib/api-error"
import { sdk } from "../lib/sdk"
import { conversationsQueryKeys } from "./api/conversations"

/**
 * Opens the thread with an affiliate's team (`memberId` null) or one of its
 * members: the existing conversation when there is one, else New Message
 * prefilled for that audience. There is at most one thread per audience, so
 * this never splits a conversation in two.
 */
export function useOpenThread() {
  const queryClient = useQueryClient()
  const navigate = useNavigate()

  return useCallback(
    async (affiliateId: string, memberId: string | null) => {
      // No filter selects "no member", so the team thread is found among the
      // affiliate's threads: one per member at most, plus the team's.
      const query: AdminConversationListParams = memberId
        ? { affiliate_id: affiliateId, member_id: memberId, limit: 1 }
        : { affiliate_id: affiliateId, limit: 100 }
      try {
        const { conversations } = await queryClient.fetchQuery({
          queryKey: conversationsQueryKeys.list(query),
          queryFn: () =>
            sdk.client.fetch<AdminConversationListResponse>("/admin/conversations", { query }),
          // a thread another admin started a minute ago must be found
          staleTime: 0,
        })
        const thread = conversations.find((conversation) =>
          memberId ? conversation.member?.id === memberId : conversation.member === null,
        )
        if (thread) {
          navigate(`/messages/${thread.id}`)
          return
        }
        const params = new URLSearchParams({ affiliate_id: affiliateId })
        if (memberId) {
          params.set("member_id", memberId)
        }
        navigate(`/messages/create?${params}`)
      } catch (error) {
        toast.error(apiErrorMessage(error))
      }
    },
    [queryClient, navigate],
  )
}
