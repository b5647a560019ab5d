import { QueryClient, useQueryClient } from "@tanstack/react-query"
import { useEffect, useSyncExternalStore } from "react"
import type { AdminMessagingStreamEvent } from "../../../types/http"
import {
  adminStreamLive,
  onAdminStreamEvent,
  onAdminStreamState,
  startAdminStream,
} from "../../lib/admin-stream"
// a cycle (those hooks use this one), fine: the keys are read when events come, not at import
import { broadcastsQueryKeys } from "./broadcasts"
import { conversationsQueryKeys } from "./conversations"
import { messagesQueryKeys } from "./messages"

/** How often pages refetch while the admin stream is down; nothing polls while it is open. */
export const FALLBACK_REFRESH_MS = 30_000

const pageVisible = () => document.visibilityState !== "hidden"

/**
 * What each event makes stale. An open thread's conversation is fetched
 * again only while the page is visible: that GET marks it read for every
 * admin, which a hidden tab must not do (it catches up when shown).
 * Read-state events never refetch a thread for the same reason: a thread
 * another admin just marked unread would be read again at once.
 */
function invalidate(queryClient: QueryClient, event: AdminMessagingStreamEvent, hiddenThreads: Set<string>) {
  const openThread = (id: string) => {
    if (pageVisible()) {
      void queryClient.invalidateQueries({ queryKey: conversationsQueryKeys.detail(id) })
    } else {
      hiddenThreads.add(id)
    }
  }
  switch (event.type) {
    case "message.created":
      void queryClient.invalidateQueries({ queryKey: conversationsQueryKeys.lists() })
      void queryClient.invalidateQueries({
        queryKey: messagesQueryKeys.list({ conversation_id: event.data.conversation_id }),
      })
      openThread(event.data.conversation_id)
      // an affiliate's message may answer a broadcast: its replied count moves
      if (event.data.author_type === "affiliate") {
        void queryClient.invalidateQueries({ queryKey: broadcastsQueryKeys.all })
      }
      break
    case "conversation.read":
    case "conversation.unread":
      void queryClient.invalidateQueries({ queryKey: conversationsQueryKeys.lists() })
      break
    case "resync":
      void queryClient.invalidateQueries({ queryKey: conversationsQueryKeys.lists() })
      void queryClient.invalidateQueries({ queryKey: messagesQueryKeys.all })
      for (const query of queryClient.getQueryCache().findAll({ queryKey: conversationsQueryKeys.details() })) {
        openThread(query.queryKey[2] as string)
      }
      break
  }
}

const attached = new WeakMap<QueryClient, { users: number; detach: () => void }>()

/** One listener per query client, however many hooks ask. */
function attach(queryClient: QueryClient) {
  let entry = attached.get(queryClient)
  if (!entry) {
    const hiddenThreads = new Set<string>()
    const stopEvents = onAdminStreamEvent((event) => invalidate(queryClient, event, hiddenThreads))
    // whatever happened between the page's fetch (or the stream's drop) and the stream opening
    const stopState = onAdminStreamState(() => {
      if (adminStreamLive()) {
        invalidate(queryClient, { type: "resync", id: null, data: {} }, hiddenThreads)
      }
    })
    const onVisible = () => {
      if (pageVisible()) {
        hiddenThreads.forEach((id) =>
          queryClient.invalidateQueries({ queryKey: conversationsQueryKeys.detail(id) })
        )
        hiddenThreads.clear()
      }
    }
    document.addEventListener("visibilitychange", onVisible)
    entry = {
      users: 0,
      detach: () => {
        stopEvents()
        stopState()
        document.removeEventListener("visibilitychange", onVisible)
      },
    }
    attached.set(queryClient, entry)
  }
  const current = entry
  current.users += 1
  return () => {
    current.users -= 1
    if (!current.users) {
      attached.delete(queryClient)
      current.detach()
    }
  }
}

/**
 * Keeps the conversation and message queries of this page up to date from
 * the admin stream (see lib/admin-stream.ts). Returns the `refetchInterval`
 * to use: none while the stream is open, a slow one while it is down.
 */
export function useLiveRefetchInterval(): number | false {
  const queryClient = useQueryClient()
  useEffect(() => {
    startAdminStream()
    return attach(queryClient)
  }, [queryClient])
  const live = useSyncExternalStore(onAdminStreamState, adminStreamLive)
  return live ? false : FALLBACK_REFRESH_MS
}
