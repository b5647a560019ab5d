import {
  keepPreviousData,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query"
import type {
  AdminAffiliateInviteResponse,
  AdminAffiliateListParams,
  AdminAffiliateListResponse,
  AdminAffiliateResponse,
  AdminCreateAffiliate,
  AdminCreateAffiliateInvite,
  AdminUpdateAffiliate,
} from "../../../types/http"
import { queryKeysFactory } from "../../lib/query-key-factory"
import { sdk } from "../../lib/sdk"
import { apiPath } from "../../lib/api-path"
import { conversationsQueryKeys } from "./conversations"

export const affiliatesQueryKeys = queryKeysFactory("affiliates")

/** `fields` adds relations to the rows, e.g. `+group.name` for a group column. */
export const useAffiliates = (
  query: AdminAffiliateListParams & { fields?: string },
  options: { enabled?: boolean } = {}
) => {
  const { data, ...rest } = useQuery({
    queryKey: affiliatesQueryKeys.list(query),
    queryFn: () => sdk.client.fetch<AdminAffiliateListResponse>("/admin/affiliates", { query }),
    placeholderData: keepPreviousData,
    ...options,
  })
  return { ...data, ...rest }
}

/** One affiliate with its members and group. */
export const useAffiliate = (id: string, options: { enabled?: boolean } = {}) => {
  const { data, ...rest } = useQuery({
    queryKey: affiliatesQueryKeys.detail(id),
    queryFn: () => sdk.client.fetch<AdminAffiliateResponse>(apiPath`/admin/affiliates/${id}`),
    ...options,
  })
  return { ...data, ...rest }
}

export const useCreateAffiliate = () => {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: AdminCreateAffiliate) =>
      sdk.client.fetch<AdminAffiliateResponse>("/admin/affiliates", { method: "POST", body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: affiliatesQueryKeys.lists() }),
  })
}

/** Status, group and manager changes reach the inbox filters too. */
export const useUpdateAffiliate = (id: string) => {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: AdminUpdateAffiliate) =>
      sdk.client.fetch<AdminAffiliateResponse>(apiPath`/admin/affiliates/${id}`, {
        method: "POST",
        body,
      }),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: affiliatesQueryKeys.all })
      queryClient.invalidateQueries({ queryKey: conversationsQueryKeys.all })
    },
  })
}

export const useInviteAffiliateMember = (id: string) => {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: AdminCreateAffiliateInvite) =>
      sdk.client.fetch<AdminAffiliateInviteResponse>(apiPath`/admin/affiliates/${id}/invites`, {
        method: "POST",
        body,
      }),
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: affiliatesQueryKeys.detail(id) }),
  })
}
