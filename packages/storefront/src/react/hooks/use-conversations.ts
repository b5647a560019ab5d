"use client"
import type { AffiliateMessagingClient } from "../../client/index.js"
import type { StoreConversation } from "../../types/http/index.js"
import { useRemote } from "../internal/use-remote.js"

export type UseConversationsOptions = {
  /** Only conversations with an unread store message. */
  unread?: boolean
  /** Page size (default 50; a member sees at most two threads: the team's and its own). */
  limit?: number
  offset?: number
  /** Follow the member's live stream (default true; see `useMessagingStatus`). */
  live?: boolean
  /** Without `live`: poll interval in ms (default 15 000; `false` = never). */
  pollMs?: number | false
  enabled?: boolean
}

export type ConversationsState = {
  conversations: StoreConversation[]
  count: number
  loading: boolean
  error: Error | null
  refresh: () => Promise<void>
}

/** The member's visible conversations, newest activity first. */
export function useConversations(
  client: AffiliateMessagingClient,
  { unread, limit = 50, offset, live = true, pollMs = 15_000, enabled = true }: UseConversationsOptions = {}
): ConversationsState {
  const remote = useRemote(
    client,
    enabled ? JSON.stringify({ unread, limit, offset }) : null,
    () => client.conversations.list({ ...(unread === undefined ? {} : { unread }), limit, offset }),
    { pollMs, live }
  )
  return {
    conversations: remote.data?.conversations ?? [],
    count: remote.data?.count ?? 0,
    loading: remote.loading,
    error: remote.error,
    refresh: remote.refresh,
  }
}
