"use client"
import type { AffiliateMessagingClient } from "../../client/index.js"
import type { StoreMessagingStatus } from "../../types/http/index.js"
import { useRemote } from "../internal/use-remote.js"

export type UseMessagingStatusOptions = {
  /**
   * Follow the member's live stream (`client.subscribe`, one per client however many
   * hooks use it; it polls by itself every 30 s while the stream is down). Default true.
   */
  live?: boolean
  /** Without `live`: poll interval in ms (default 30 000; `false` = never). Polling pauses while the page is hidden. */
  pollMs?: number | false
  /** `false` skips fetching (e.g. while no one is logged in). */
  enabled?: boolean
}

export type MessagingStatusState = {
  status: StoreMessagingStatus | null
  /** Whether this member may write; `null` until known. */
  enabled: boolean | null
  /** The store's text for members of a group with messaging off. */
  disabled_message: string | null
  /** Conversations with an unread store message (0 until known). */
  unread_count: number
  loading: boolean
  error: Error | null
  refresh: () => Promise<void>
}

/** `GET /store/affiliates/me/messaging`, fetched again on each live event: what a Messages tab and its badge need. */
export function useMessagingStatus(
  client: AffiliateMessagingClient,
  { live = true, pollMs = 30_000, enabled = true }: UseMessagingStatusOptions = {}
): MessagingStatusState {
  const remote = useRemote(
    client,
    enabled ? "status" : null,
    async () => (await client.messaging.status()).messaging,
    { pollMs, live }
  )
  const status = remote.data ?? null
  return {
    status,
    enabled: status ? status.enabled : null,
    disabled_message: status?.disabled_message ?? null,
    unread_count: status?.unread_count ?? 0,
    loading: remote.loading,
    error: remote.error,
    refresh: remote.refresh,
  }
}
