import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import type {
  AdminMessagingSettingsResponse,
  AdminUpdateMessagingSettingsBody,
} from "../../../types/http"
import { queryKeysFactory } from "../../lib/query-key-factory"
import { sdk } from "../../lib/sdk"
import { conversationsQueryKeys } from "./conversations"

export const messagingSettingsQueryKeys = queryKeysFactory("affiliate_messaging_settings")

export const useMessagingSettings = () => {
  const { data, ...rest } = useQuery({
    queryKey: messagingSettingsQueryKeys.detail("global"),
    queryFn: () =>
      sdk.client.fetch<AdminMessagingSettingsResponse>("/admin/messaging/settings"),
  })
  return { ...data, ...rest }
}

export const useUpdateMessagingSettings = () => {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: AdminUpdateMessagingSettingsBody) =>
      sdk.client.fetch<AdminMessagingSettingsResponse>("/admin/messaging/settings", {
        method: "POST",
        body,
      }),
    onSuccess: (data) => {
      queryClient.setQueryData(messagingSettingsQueryKeys.detail("global"), data)
      // threads show whether their composer is enabled
      queryClient.invalidateQueries({ queryKey: conversationsQueryKeys.all })
    },
  })
}
