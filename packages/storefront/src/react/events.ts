import type { StoreConversation, StoreMessage } from "../types/http/index.js"

/**
 * What one part of the UI tells the others about the same client: a thread
 * was read, a message was sent, or everything should be fetched again. The
 * badge, the list and the status hook refresh on any of them; a thread
 * appends the messages sent into it.
 */
export type MessagingChange =
  | { kind: "read"; conversationId: string }
  | { kind: "sent"; conversationId: string; message: StoreMessage; conversation?: StoreConversation }
  | { kind: "refresh" }

type Listener = (change: MessagingChange) => void

const listeners = new WeakMap<object, Set<Listener>>()

export function subscribeMessagingChanges(client: object, listener: Listener): () => void {
  let set = listeners.get(client)
  if (!set) {
    set = new Set()
    listeners.set(client, set)
  }
  set.add(listener)
  return () => {
    set!.delete(listener)
  }
}

export function announceMessagingChange(client: object, change: MessagingChange) {
  listeners.get(client)?.forEach((listener) => listener(change))
}

/**
 * Makes every hook and component using this client fetch again, e.g. after
 * your own code sent a message or a push notification arrived.
 */
export function refreshMessaging(client: object) {
  announceMessagingChange(client, { kind: "refresh" })
}
