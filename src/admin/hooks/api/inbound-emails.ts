import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import type {
  AdminInboundEmailListResponse,
  AdminInboundEmailResponse,
  InboundEmailStatus,
} from "../../../types/http"
import { apiPath } from "../../lib/api-path"
import { queryKeysFactory } from "../../lib/query-key-factory"
import { sdk } from "../../lib/sdk"

export const inboundEmailsQueryKeys = queryKeysFactory("affiliate_inbound_emails")

export type InboundEmailsQuery = { limit: number; offset: number; status?: InboundEmailStatus }

export const useInboundEmails = (query: InboundEmailsQuery) => {
  const { data, ...rest } = useQuery({
    queryKey: inboundEmailsQueryKeys.list(query),
    queryFn: () =>
      sdk.client.fetch<AdminInboundEmailListResponse>("/admin/messaging/inbound-emails", {
        query: query.status ? query : { limit: query.limit, offset: query.offset },
      }),
    placeholderData: keepPreviousData,
  })
  return { ...data, ...rest }
}

export const useRetryInboundEmail = () => {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (id: string) =>
      sdk.client.fetch<AdminInboundEmailResponse>(apiPath`/admin/messaging/inbound-emails/${id}/retry`, {
        method: "POST",
        body: {},
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: inboundEmailsQueryKeys.all }),
  })
}
