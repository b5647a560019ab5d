/** Reply by email: the admin's inbound email log (`/admin/messaging/inbound-emails`). */
export type InboundEmailStatus = "received" | "posted" | "duplicate" | "refused" | "failed"
export type InboundRefusalReason = "unknown_token" | "sender_mismatch" | "auto_reply" | "not_allowed" | "empty" | "too_large"

export type AdminInboundEmail = {
  id: string
  received_at: string
  transport: "webhook" | "smtp" | "imap"
  /** The sender's address as the email gave it. */
  from: string | null
  status: InboundEmailStatus
  reason: InboundRefusalReason | null
  /** The reason in words (the app's refusal, the auto-reply header, …). */
  detail: string | null
  conversation_id: string | null
  message_id: string | null
}

export type AdminInboundEmailListResponse = {
  inbound_emails: AdminInboundEmail[]
  count: number
  offset: number
  limit: number
}

export type AdminInboundEmailResponse = { inbound_email: AdminInboundEmail }
