/**
 * Message-IDs this process handed to an SMTP server that accepted them,
 * kept for an hour. The Notification Module records a send in the
 * database after the SMTP server said yes; when the database fails in
 * between, the delivery looks unsent and its retry would email twice. The
 * delivery step asks here first. Kept on `globalThis` under a registered
 * symbol, so the provider and the workflows share one list even when the
 * plugin's code is loaded twice.
 */
const STORE = Symbol.for("medusa-plugin-affiliate-messaging.sent-receipts")
const KEEP_MS = 60 * 60 * 1000
const MAX_RECEIPTS = 50_000

function receipts(): Map<string, number> {
  const scope = globalThis as unknown as Record<symbol, Map<string, number> | undefined>
  return (scope[STORE] ??= new Map())
}

export function recordSentEmail(messageId: string, now = Date.now()) {
  const store = receipts()
  store.set(messageId, now)
  // oldest first: a Map keeps insertion order
  for (const [id, at] of store) {
    if (store.size <= MAX_RECEIPTS && now - at < KEEP_MS) {
      break
    }
    store.delete(id)
  }
}

export function wasEmailSent(messageId: string, now = Date.now()) {
  const at = receipts().get(messageId)
  return at !== undefined && now - at < KEEP_MS
}
