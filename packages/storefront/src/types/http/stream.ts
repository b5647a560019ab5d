import type { MessageAuthorType } from "../messaging.js"

/** `POST /store/affiliates/me/stream-tickets`: a one-use ticket for the member's stream, valid 60 s. */
export type StoreStreamTicketResponse = { ticket: string; expires_at: string }

type StreamEvent<TType extends string, TData> = {
  type: TType
  /** The event's `id:`; null for events the client made itself (a poll while the stream is down). */
  id: string | null
  data: TData
}

/** Events both streams carry; thin: ids and counts, the client refetches what it shows. */
type SharedStreamEvent =
  | StreamEvent<"message.created", { conversation_id: string; message_id: string; author_type: MessageAuthorType }>
  | StreamEvent<"conversation.read" | "conversation.unread", { conversation_id: string }>
  /** Missed events can no longer be replayed: refetch everything. */
  | StreamEvent<"resync", Record<string, never>>

/** `GET /admin/messaging/stream`: read state is the owners' shared one. */
export type AdminMessagingStreamEvent = SharedStreamEvent | StreamEvent<"inbox", { unread_count: number }>

/** `GET /store/affiliates/me/stream`: read state is the member's own. */
export type StoreMessagingStreamEvent =
  | SharedStreamEvent
  | StreamEvent<"messaging", { enabled: boolean; unread_count: number }>
