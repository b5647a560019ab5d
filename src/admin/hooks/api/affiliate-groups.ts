import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import type {
  AdminAffiliateGroupDeleteResponse,
  AdminAffiliateGroupListResponse,
  AdminAffiliateGroupResponse,
  AdminCreateAffiliateGroup,
  AdminUpdateAffiliateGroup,
} from "../../../types/http"
import { queryKeysFactory } from "../../lib/query-key-factory"
import { sdk } from "../../lib/sdk"
import { apiPath } from "../../lib/api-path"
import { affiliatesQueryKeys } from "./affiliates"
import { conversationsQueryKeys } from "./conversations"

export const affiliateGroupsQueryKeys = queryKeysFactory("affiliate_groups")

type GroupListQuery = {
  q?: string
  /** As the URL carries it: "true" or "false". */
  messaging_enabled?: string
  limit?: number
  offset?: number
  order?: string
}

export const useAffiliateGroups = (query: GroupListQuery = { limit: 100 }) => {
  const { data, ...rest } = useQuery({
    queryKey: affiliateGroupsQueryKeys.list(query),
    queryFn: () =>
      sdk.client.fetch<AdminAffiliateGroupListResponse>("/admin/affiliate-groups", { query }),
    placeholderData: keepPreviousData,
  })
  return { ...data, ...rest }
}

export const useAffiliateGroup = (id: string | null | undefined) => {
  const { data, ...rest } = useQuery({
    queryKey: affiliateGroupsQueryKeys.detail(id ?? ""),
    queryFn: () =>
      sdk.client.fetch<AdminAffiliateGroupResponse>(apiPath`/admin/affiliate-groups/${id}`),
    enabled: Boolean(id),
  })
  return { ...data, ...rest }
}

const useGroupWrite = <TVariables, TData>(mutationFn: (variables: TVariables) => Promise<TData>) => {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn,
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: affiliateGroupsQueryKeys.all })
      // group changes show on affiliates and in threads (messaging toggle)
      queryClient.invalidateQueries({ queryKey: affiliatesQueryKeys.all })
      queryClient.invalidateQueries({ queryKey: conversationsQueryKeys.all })
    },
  })
}

export const useCreateAffiliateGroup = () =>
  useGroupWrite((body: AdminCreateAffiliateGroup) =>
    sdk.client.fetch<AdminAffiliateGroupResponse>("/admin/affiliate-groups", {
      method: "POST",
      body,
    })
  )

export const useUpdateAffiliateGroup = (id: string) =>
  useGroupWrite((body: AdminUpdateAffiliateGroup) =>
    sdk.client.fetch<AdminAffiliateGroupResponse>(apiPath`/admin/affiliate-groups/${id}`, {
      method: "POST",
      body,
    })
  )

export const useDeleteAffiliateGroup = (id: string) => {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () =>
      sdk.client.fetch<AdminAffiliateGroupDeleteResponse>(apiPath`/admin/affiliate-groups/${id}`, {
        method: "DELETE",
      }),
    onSuccess: () => {
      // The group's page is still open until the caller navigates away:
      // refetching its detail now would only answer 404. Marked stale, a
      // later visit (browser back) finds the group gone.
      queryClient.invalidateQueries({
        queryKey: affiliateGroupsQueryKeys.detail(id),
        refetchType: "none",
      })
      queryClient.invalidateQueries({ queryKey: affiliateGroupsQueryKeys.lists() })
      queryClient.invalidateQueries({ queryKey: affiliatesQueryKeys.all })
      queryClient.invalidateQueries({ queryKey: conversationsQueryKeys.all })
    },
  })
}
