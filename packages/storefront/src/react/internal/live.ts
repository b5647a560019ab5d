import { useEffect } from "react"
import type { AffiliateMessagingClient } from "../../client/index.js"
import type { StoreMessagingStreamEvent } from "../../types/http/index.js"
import { useLatest } from "./effects.js"

type Listener = (event: StoreMessagingStreamEvent) => void
type Shared = { listeners: Set<Listener>; unsubscribe: () => void }

const streams = new WeakMap<AffiliateMessagingClient, Shared>()

/**
 * One stream per client, however many hooks and components listen: the
 * badge in the header and the Messages tab of one page share a connection.
 * Opened with the first listener, closed a moment after the last one leaves
 * (so a re-render that unmounts and mounts again keeps it).
 */
export function listenLive(client: AffiliateMessagingClient, listener: Listener): () => void {
  let shared = streams.get(client)
  if (!shared) {
    const listeners = new Set<Listener>()
    shared = { listeners, unsubscribe: client.subscribe((event) => listeners.forEach((l) => l(event))) }
    streams.set(client, shared)
  }
  const current = shared
  current.listeners.add(listener)
  return () => {
    current.listeners.delete(listener)
    setTimeout(() => {
      if (!current.listeners.size && streams.get(client) === current) {
        streams.delete(client)
        current.unsubscribe()
      }
    }, 0)
  }
}

/**
 * Calls `onEvent` for each event of the member's stream while `enabled`.
 * Events of one network read arrive in one task; `onEvent` runs once per
 * event, callers coalesce refetches themselves.
 */
export function useLiveEvents(
  client: AffiliateMessagingClient,
  onEvent: Listener,
  enabled: boolean
) {
  const latest = useLatest(onEvent)
  useEffect(
    () => (enabled ? listenLive(client, (event) => latest.current(event)) : undefined),
    [client, enabled, latest]
  )
}
