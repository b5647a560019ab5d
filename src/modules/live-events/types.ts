/**
 * What the log records: changes, not stream events. Each stream turns a
 * change into the events its reader may see (src/api/utils/live).
 */
export const LIVE_FACTS = [
  "message.created",
  "conversation.read",
  "conversation.unread",
  /** An affiliate's status or group changed (suspension ends its members' streams). */
  "affiliate.updated",
  /** A group's messaging switch changed. */
  "group.updated",
  /** The global messaging switch changed. */
  "settings.updated",
] as const

export type LiveFactName = (typeof LIVE_FACTS)[number]

export type LiveFactData = {
  message_id?: string
  author_type?: string
  /** Read receipts: `owner` (the shared inbox state) or `affiliate` (one member's own state). */
  reader_type?: "owner" | "affiliate"
}

export type LiveFactInput = {
  name: LiveFactName
  conversation_id?: string | null
  affiliate_id?: string | null
  /** A member thread's member, or the member whose own read state changed. */
  member_id?: string | null
  group_id?: string | null
  data?: LiveFactData | null
}

export type LiveFact = Required<LiveFactInput> & {
  /** The stream event id. */
  seq: number
  created_at: string
}

/** A stream process's view of the log's feed. */
export type LiveFactListener = {
  onFact(fact: LiveFact): void
  /** The feed was interrupted: facts published meanwhile may never arrive. */
  onGap(): void
}

/** Where the facts after `after` stand for a reconnecting stream. */
export type ReplayWindow = {
  /** The newest fact's seq (0 when none was ever recorded). */
  head: number
  /** Whether every fact after `after` is still retained. */
  complete: boolean
}

/** The member a ticket opens a stream for, and what tells the stream its login ended. */
export type StreamTicketGrant = {
  member_id: string
  session_id: string | null
  auth_expires_at: Date | null
}
