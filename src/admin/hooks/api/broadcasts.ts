import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import type { AffiliateDTO } from "../../../types/affiliate"
import type { BroadcastAudience, BroadcastSkipReason, BroadcastStatus } from "../../../types/broadcast"
import { apiPath } from "../../lib/api-path"
import { queryKeysFactory } from "../../lib/query-key-factory"
import { sdk } from "../../lib/sdk"
import { conversationsQueryKeys } from "./conversations"
// a cycle (live-updates invalidates these keys), fine: the keys are read when events come
import { useLiveRefetchInterval } from "./live-updates"

// the server's own words for a broadcast's audience, statuses and skip reasons (types only: erased from the bundle)
export type { BroadcastAudience, BroadcastSkipReason, BroadcastStatus }

export type Broadcast = {
  id: string
  body: string
  audience: BroadcastAudience
  attachment_count: number
  status: BroadcastStatus
  created_by: string
  recipient_count: number
  delivered_count: number
  skipped_count: number
  read_count: number
  replied_count: number
  created_at: string
  scheduled_at: string | null
  started_at: string | null
  finished_at: string | null
}

/** An affiliate of a preview's sample or of a recipient row. */
export type BroadcastAffiliate = Pick<AffiliateDTO, "id" | "name" | "email" | "status" | "group_id" | "manager_id">

export type BroadcastRecipient = {
  affiliate: BroadcastAffiliate
  status: "pending" | "delivered" | "skipped"
  reason: BroadcastSkipReason | null
  conversation_id: string | null
  message_id: string | null
  read_at: string | null
  replied_at: string | null
}

export type BroadcastPreview = {
  recipient_count: number
  skipped: Partial<Record<BroadcastSkipReason, number>>
  sample: BroadcastAffiliate[]
}

export type CreateBroadcastBody = {
  body: string
  attachment_ids?: string[]
  audience: BroadcastAudience
  scheduled_at?: string
}

type Paged = { count: number; offset: number; limit: number }

export const broadcastsQueryKeys = queryKeysFactory("affiliate_broadcasts")
const previewKeys = queryKeysFactory("affiliate_broadcast_previews")

/** Whether the audience names anyone at all: an empty one is a 400, so it is not sent. */
export const hasAudience = (audience: BroadcastAudience) =>
  Object.values(audience).some((values) => Array.isArray(values) && values.length > 0)

/**
 * The recipient count, skipped reasons and sample for an audience. A POST
 * that writes nothing, so it is cached like a GET under the audience.
 */
export const useBroadcastPreview = (audience: BroadcastAudience) => {
  const { data, ...rest } = useQuery({
    queryKey: previewKeys.list(audience),
    queryFn: () =>
      sdk.client.fetch<BroadcastPreview>("/admin/affiliate-broadcasts/preview", {
        method: "POST",
        body: { audience },
      }),
    enabled: hasAudience(audience),
    placeholderData: keepPreviousData,
    retry: false,
  })
  return { preview: data, ...rest }
}

/**
 * While a broadcast is on its way its counts move with every batch: poll it
 * (a 10,000-recipient one is done in ~20 s; the admin stream has no
 * broadcast events). Once done, replies come through the admin stream
 * (live-updates.ts invalidates these queries on an affiliate's message);
 * `idle` is the stream's fallback interval.
 */
const SENDING_POLL_MS = 1_000
const SCHEDULED_POLL_MS = 10_000
const pollFor = (statuses: (BroadcastStatus | undefined)[], idle: number | false = false) =>
  statuses.includes("sending") ? SENDING_POLL_MS : statuses.includes("scheduled") ? SCHEDULED_POLL_MS : idle

export const useBroadcasts = (query: { status?: string | string[]; limit?: number; offset?: number }) => {
  const idle = useLiveRefetchInterval()
  const { data, ...rest } = useQuery({
    queryKey: broadcastsQueryKeys.list(query),
    queryFn: () =>
      sdk.client.fetch<{ broadcasts: Broadcast[] } & Paged>("/admin/affiliate-broadcasts", { query }),
    placeholderData: keepPreviousData,
    refetchInterval: (q) => pollFor((q.state.data?.broadcasts ?? []).map((b) => b.status), idle),
  })
  return { ...data, ...rest }
}

export const useBroadcast = (id: string) => {
  const idle = useLiveRefetchInterval()
  const { data, ...rest } = useQuery({
    queryKey: broadcastsQueryKeys.detail(id),
    queryFn: () => sdk.client.fetch<{ broadcast: Broadcast }>(apiPath`/admin/affiliate-broadcasts/${id}`),
    refetchInterval: (q) => pollFor([q.state.data?.broadcast.status], idle),
  })
  return { ...data, ...rest }
}

/** Polled along with the broadcast while it sends, so rows turn delivered as they go. */
export const useBroadcastRecipients = (
  id: string,
  query: { status?: string; limit: number; offset: number },
  status: BroadcastStatus | undefined
) => {
  const { data, ...rest } = useQuery({
    queryKey: [...broadcastsQueryKeys.detail(id), "recipients", query],
    queryFn: () =>
      sdk.client.fetch<{ recipients: BroadcastRecipient[] } & Paged>(
        apiPath`/admin/affiliate-broadcasts/${id}/recipients`,
        { query }
      ),
    placeholderData: keepPreviousData,
    refetchInterval: pollFor([status]),
  })
  return { ...data, ...rest }
}

export const useCreateBroadcast = () => {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: CreateBroadcastBody) =>
      sdk.client.fetch<{ broadcast: Broadcast }>("/admin/affiliate-broadcasts", { method: "POST", body }),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: broadcastsQueryKeys.lists() })
      queryClient.invalidateQueries({ queryKey: conversationsQueryKeys.lists() })
    },
  })
}

export const useCancelBroadcast = (id: string) => {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () =>
      sdk.client.fetch<{ broadcast: Broadcast }>(apiPath`/admin/affiliate-broadcasts/${id}/cancel`, {
        method: "POST",
      }),
    onSuccess: ({ broadcast }) => {
      queryClient.setQueryData(broadcastsQueryKeys.detail(id), { broadcast })
      queryClient.invalidateQueries({ queryKey: broadcastsQueryKeys.all })
    },
  })
}
