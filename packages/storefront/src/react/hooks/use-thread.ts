"use client"
import { useCallback, useEffect, useRef, useState } from "react"
import type { AffiliateMessagingClient } from "../../client/index.js"
import type { StoreConversation, StoreMessage } from "../../types/http/index.js"
import { announceMessagingChange, subscribeMessagingChanges } from "../events.js"
import { toError, useLatest, usePolling } from "../internal/effects.js"
import { useLiveEvents } from "../internal/live.js"

export type UseThreadOptions = {
  /** Messages per page (default 30, at most 100). */
  pageSize?: number
  /**
   * Fetch new messages when the member's live stream says one arrived in this
   * thread (default true; `client.subscribe`, shared with the other hooks of the client).
   */
  live?: boolean
  /** Without `live`: how often new messages are fetched, in ms (default 10 000; `false` = never). */
  pollMs?: number | false
  /**
   * Mark the thread read when it opens, and when store messages arrive while
   * it is open and the page is visible (else when the page becomes visible
   * again). Default true.
   */
  markRead?: boolean
}

export type ThreadState = {
  conversation: StoreConversation | null
  /** Oldest first, as far back as loaded. */
  messages: StoreMessage[]
  /** Whether `loadOlder` has anything to fetch. */
  hasOlder: boolean
  loading: boolean
  loadingOlder: boolean
  /** Opening failed (e.g. 404 for a thread this member cannot see). */
  error: Error | null
  loadOlder: () => Promise<void>
  /** Fetches messages newer than the last one now. */
  refresh: () => Promise<void>
  /** Adds a message (e.g. one you sent through the client yourself). */
  append: (message: StoreMessage) => void
}

type State = {
  id: string | null
  conversation: StoreConversation | null
  messages: StoreMessage[]
  hasOlder: boolean
  loading: boolean
  loadingOlder: boolean
  error: Error | null
}

const initial = (id: string | null): State => ({
  id,
  conversation: null,
  messages: [],
  hasOlder: false,
  loading: id !== null,
  loadingOlder: false,
  error: null,
})

const byThreadOrder = (a: StoreMessage, b: StoreMessage) =>
  a.created_at === b.created_at ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : a.created_at < b.created_at ? -1 : 1

function merge(current: StoreMessage[], incoming: StoreMessage[]): StoreMessage[] {
  const known = new Set(current.map((message) => message.id))
  const added = incoming.filter((message) => !known.has(message.id))
  return added.length ? [...current, ...added].sort(byThreadOrder) : current
}

const MAX_PAGE = 100

const pageVisible = () => typeof document === "undefined" || document.visibilityState !== "hidden"

/**
 * One thread: the latest page when it opens (marking it read), older pages
 * through `loadOlder()` (`before` cursor), newer messages with the `after`
 * cursor when the live stream announces one (or by polling without `live`).
 * Messages sent with `useSendMessage` on the same client appear at once.
 * A store message that arrives while the member looks at the thread is
 * marked read at once, so the delayed notification email leaves it out.
 */
export function useThread(
  client: AffiliateMessagingClient,
  conversationId: string | null | undefined,
  { pageSize = 30, live = true, pollMs = 10_000, markRead = true }: UseThreadOptions = {}
): ThreadState {
  const id = conversationId ?? null
  const [state, setState] = useState<State>(() => initial(id))
  const currentId = useLatest(id)
  const messages = useRef<StoreMessage[]>([])
  /** The newest message id the server listed: the `after` cursor (locally added messages don't move it). */
  const cursor = useRef<string | null>(null)
  const ready = useRef(false)
  const fetchingNewer = useRef(false)
  const fetchingOlder = useRef(false)
  /** Store messages arrived while the page was hidden: read once it is visible. */
  const unreadWhileHidden = useRef(false)

  const update = useCallback(
    (forId: string, change: (previous: State) => State) =>
      setState((previous) => {
        if (previous.id !== forId) {
          return previous
        }
        const next = change(previous)
        messages.current = next.messages
        return next
      }),
    []
  )

  useEffect(() => {
    setState(initial(id))
    messages.current = []
    cursor.current = null
    ready.current = false
    unreadWhileHidden.current = false
    if (!id) {
      return
    }
    let cancelled = false
    const limit = Math.min(pageSize, MAX_PAGE)
    Promise.all([client.conversations.retrieve(id, { markRead }), client.conversations.messages(id, { limit })])
      .then(([{ conversation }, page]) => {
        if (cancelled) {
          return
        }
        cursor.current = page.messages[page.messages.length - 1]?.id ?? null
        ready.current = true
        update(id, (previous) => ({
          ...previous,
          conversation,
          messages: merge(previous.messages, page.messages),
          hasOlder: page.offset > 0,
          loading: false,
          error: null,
        }))
        if (markRead) {
          announceMessagingChange(client, { kind: "read", conversationId: id })
        }
      })
      .catch((error) => {
        if (!cancelled) {
          update(id, (previous) => ({ ...previous, loading: false, error: toError(error) }))
        }
      })
    return () => {
      cancelled = true
    }
  }, [client, id, markRead, pageSize, update])

  const readNow = useCallback(
    async (threadId: string) => {
      unreadWhileHidden.current = false
      await client.conversations.markRead(threadId)
      announceMessagingChange(client, { kind: "read", conversationId: threadId })
    },
    [client]
  )

  const refresh = useCallback(async () => {
    const threadId = currentId.current
    if (!threadId || !ready.current || fetchingNewer.current) {
      return
    }
    fetchingNewer.current = true
    try {
      let fromStore = false
      for (;;) {
        const page = await client.conversations.messages(threadId, {
          limit: MAX_PAGE,
          ...(cursor.current ? { after: cursor.current } : {}),
        })
        if (threadId !== currentId.current) {
          return
        }
        if (page.messages.length) {
          cursor.current = page.messages[page.messages.length - 1].id
          fromStore ||= page.messages.some((message) => message.author_type !== "affiliate")
          update(threadId, (previous) => ({ ...previous, messages: merge(previous.messages, page.messages) }))
        }
        if (page.messages.length < MAX_PAGE || !cursor.current) {
          break
        }
      }
      if (fromStore && markRead) {
        if (pageVisible()) {
          await readNow(threadId)
        } else {
          unreadWhileHidden.current = true
        }
      }
    } catch (error) {
      const status = (error as { status?: number }).status
      // a failed poll keeps what is shown; only losing access ends the thread
      if (status === 401 || status === 403 || status === 404) {
        update(threadId, (previous) => ({ ...previous, error: toError(error) }))
      }
    } finally {
      fetchingNewer.current = false
    }
  }, [client, currentId, markRead, update, readNow])

  const loadOlder = useCallback(async () => {
    const threadId = currentId.current
    const oldest = messages.current[0]
    if (!threadId || !oldest || fetchingOlder.current) {
      return
    }
    fetchingOlder.current = true
    update(threadId, (previous) => ({ ...previous, loadingOlder: true }))
    try {
      const page = await client.conversations.messages(threadId, {
        before: oldest.id,
        limit: Math.min(pageSize, MAX_PAGE),
      })
      update(threadId, (previous) => ({
        ...previous,
        messages: merge(previous.messages, page.messages),
        hasOlder: page.offset > 0,
        loadingOlder: false,
      }))
    } catch (error) {
      update(threadId, (previous) => ({ ...previous, loadingOlder: false }))
      throw toError(error)
    } finally {
      fetchingOlder.current = false
    }
  }, [client, currentId, pageSize, update])

  const append = useCallback(
    (message: StoreMessage) => {
      update(message.conversation_id, (previous) => ({ ...previous, messages: merge(previous.messages, [message]) }))
    },
    [update]
  )

  useEffect(
    () =>
      subscribeMessagingChanges(client, (change) => {
        if (change.kind === "sent" && change.conversationId === currentId.current) {
          append(change.message)
          void refresh()
        }
      }),
    [client, append, refresh, currentId]
  )
  useLiveEvents(
    client,
    (event) => {
      const forThisThread = event.type === "message.created" && event.data.conversation_id === currentId.current
      // a `messaging` event without id is the client's own poll while the stream is down
      if (forThisThread || event.type === "resync" || (event.type === "messaging" && event.id === null)) {
        void refresh()
      }
    },
    live && id !== null
  )
  useEffect(() => {
    if (!id || typeof document === "undefined") {
      return
    }
    const onVisible = () => {
      if (unreadWhileHidden.current && pageVisible() && currentId.current === id) {
        readNow(id).catch(() => undefined)
      }
    }
    document.addEventListener("visibilitychange", onVisible)
    return () => document.removeEventListener("visibilitychange", onVisible)
  }, [id, currentId, readNow])
  usePolling(() => void refresh(), id && !live ? pollMs : false)

  const current = state.id === id ? state : initial(id)
  return {
    conversation: current.conversation,
    messages: current.messages,
    hasOlder: current.hasOlder,
    loading: current.loading,
    loadingOlder: current.loadingOlder,
    error: current.error,
    loadOlder,
    refresh,
    append,
  }
}
