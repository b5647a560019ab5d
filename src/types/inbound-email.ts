import type { InboundEmailStatus, InboundRefusalReason } from "medusa-plugin-affiliate-messaging-storefront/types"

export type { InboundEmailStatus, InboundRefusalReason }

export const INBOUND_TRANSPORTS = ["webhook", "smtp", "imap"] as const
export type InboundTransport = (typeof INBOUND_TRANSPORTS)[number]

/**
 * `received`: stored, waiting in the queue (or being processed); the others
 * are final, except `failed`, which an admin may retry.
 */
export const INBOUND_EMAIL_STATUSES = ["received", "posted", "duplicate", "refused", "failed"] as const satisfies readonly InboundEmailStatus[]

export const INBOUND_REFUSAL_REASONS = [
  "unknown_token",
  "sender_mismatch",
  "auto_reply",
  "not_allowed",
  "empty",
  "too_large",
] as const satisfies readonly InboundRefusalReason[]

/** Who a reply token stands for: a member, an admin user, or an owner-side notification address. */
export const REPLY_RECIPIENT_TYPES = ["member", "user", "address"] as const
export type ReplyRecipientType = (typeof REPLY_RECIPIENT_TYPES)[number]

export type ReplyRecipient = { type: ReplyRecipientType; id: string }

export type ReplyKeyDTO = {
  id: string
  token: string
  conversation_id: string
  recipient_type: ReplyRecipientType
  recipient_id: string
  key_version: number
  created_at: Date
}

export type InboundEmailDTO = {
  id: string
  received_at: Date
  transport: InboundTransport
  dedupe_key: string | null
  message_header_id: string | null
  from_address: string | null
  to_addresses: string[]
  envelope_to: string[]
  status: InboundEmailStatus
  reason: InboundRefusalReason | null
  detail: string | null
  conversation_id: string | null
  message_id: string | null
  raw_file_id: string | null
  raw_size: number
  raw_sha256: string | null
  duplicate_of: string | null
  attempts: number
  error: string | null
  created_at: Date
}

/** What a transport or the webhook hands to `recordInboundEmail`. */
export type NewInboundEmail = Pick<
  InboundEmailDTO,
  | "transport"
  | "dedupe_key"
  | "message_header_id"
  | "from_address"
  | "to_addresses"
  | "envelope_to"
  | "raw_file_id"
  | "raw_size"
  | "raw_sha256"
> &
  Partial<Pick<InboundEmailDTO, "status" | "reason" | "detail">>

export const InboundEmailEvents = {
  REFUSED: "affiliate_inbound_email.refused",
} as const
