import { openLiveStream, parseStreamEvent } from "medusa-plugin-affiliate-messaging-storefront"
import type { AdminMessagingStreamEvent } from "../../types/http"
import { backendHref, sdk } from "./sdk"

/**
 * The admin stream (`GET /admin/messaging/stream`), one per browser however
 * many dashboard tabs are open: browsers allow six HTTP/1.1 connections per
 * host, and a stream per tab would take them all. The tab holding the Web
 * Lock below is the leader: it keeps the stream open and relays each event
 * and its connection state to the other tabs over a BroadcastChannel. When
 * it closes, the browser grants the lock to another waiting tab, which
 * opens the stream from the last event id it saw, so the server replays
 * what came in between. Without Web Locks or BroadcastChannel (an
 * insecure origin, an old browser) each tab opens its own stream.
 * See docs/decisions/0028-one-admin-stream-per-browser.md.
 */
const CHANNEL = "affiliate-messaging:admin-stream"

type Relay =
  | { kind: "event"; event: AdminMessagingStreamEvent }
  | { kind: "state"; live: boolean }
  | { kind: "hello" }

type Listener = (event: AdminMessagingStreamEvent) => void

const listeners = new Set<Listener>()
const stateListeners = new Set<() => void>()
let live = false
let lastEventId: string | null = null
let started = false

const deliver = (event: AdminMessagingStreamEvent) => {
  if (event.id) {
    lastEventId = event.id
  }
  listeners.forEach((listener) => listener(event))
}

const setLive = (next: boolean) => {
  if (next !== live) {
    live = next
    stateListeners.forEach((listener) => listener())
  }
}

/** Opens the stream in this tab; resolves never (the lock is held until the tab goes). */
function lead(channel: BroadcastChannel | null): Promise<never> {
  openLiveStream({
    lastEventId,
    connect: async ({ lastEventId: resumeFrom, signal }) => {
      // the dashboard's own auth: its session cookie, or its JWT when built with `auth.type: "jwt"`
      const token = await sdk.client.getToken()
      return fetch(backendHref("/admin/messaging/stream"), {
        credentials: "include",
        cache: "no-store",
        signal,
        headers: {
          accept: "text/event-stream",
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(resumeFrom ? { "last-event-id": resumeFrom } : {}),
        },
      })
    },
    onMessage: (message) => {
      const event = parseStreamEvent<AdminMessagingStreamEvent>(message)
      if (event) {
        channel?.postMessage({ kind: "event", event } satisfies Relay)
        deliver(event)
      }
    },
    onState: (state) => {
      channel?.postMessage({ kind: "state", live: state === "live" } satisfies Relay)
      setLive(state === "live")
    },
  })
  if (channel) {
    channel.onmessage = ({ data }: MessageEvent<Relay>) => {
      if (data.kind === "hello") {
        channel.postMessage({ kind: "state", live } satisfies Relay)
      }
    }
  }
  return new Promise<never>(() => {})
}

/** Starts following the admin stream (once per tab; later calls do nothing). */
export function startAdminStream() {
  if (started || typeof window === "undefined") {
    return
  }
  started = true
  const locks = typeof navigator !== "undefined" ? navigator.locks : undefined
  if (!locks || typeof BroadcastChannel === "undefined") {
    void lead(null)
    return
  }
  const channel = new BroadcastChannel(CHANNEL)
  channel.onmessage = ({ data }: MessageEvent<Relay>) => {
    if (data.kind === "event") {
      deliver(data.event)
    } else if (data.kind === "state") {
      setLive(data.live)
    }
  }
  channel.postMessage({ kind: "hello" } satisfies Relay)
  void locks.request(CHANNEL, () => lead(channel))
}

/** Each event of the admin stream, in this tab whichever tab holds the connection. */
export function onAdminStreamEvent(listener: Listener) {
  listeners.add(listener)
  return () => {
    listeners.delete(listener)
  }
}

/** Whether the stream is open (in this tab or the leader's): pages poll only while it is not. */
export const adminStreamLive = () => live

export function onAdminStreamState(listener: () => void) {
  stateListeners.add(listener)
  return () => {
    stateListeners.delete(listener)
  }
}
