import type { LiveFact } from "../../../modules/live-events/types"

/** An event before it gets its id (the fact's seq, or the head's). */
export type PendingEvent = { event: string; data: object }

/** What one fact means to one stream. */
export type FactOutcome = {
  events: PendingEvent[]
  /** The reader's counts may have changed: send them (not during replay, once at its end). */
  counts: boolean
  /** The reader may no longer follow: end the stream after this. */
  end?: boolean
}

export const NOTHING: FactOutcome = { events: [], counts: false }

/** One side's reading of the live log (owner-feed.ts, member-feed.ts). */
export interface StreamFeed {
  outcomeOf(fact: LiveFact): Promise<FactOutcome>
  /** The count event(s) of the reader, now; `forced` also when unchanged since last sent. */
  counts(forced: boolean): Promise<{ events: PendingEvent[]; end?: boolean }>
  /** Whether the reader is still allowed to follow (login, membership). */
  stillAllowed(): Promise<boolean>
}

/** The thin event of a new message, the same on both streams. */
export const messageCreated = (fact: LiveFact): PendingEvent => ({
  event: "message.created",
  data: { conversation_id: fact.conversation_id, message_id: fact.data?.message_id, author_type: fact.data?.author_type },
})

/** A read receipt as its stream reports it: only the conversation. */
export const readReceipt = (fact: LiveFact): FactOutcome => ({
  events: [{ event: fact.name, data: { conversation_id: fact.conversation_id } }],
  counts: true,
})
