import type { MessageAuthorType, MessageSource } from "medusa-plugin-affiliate-messaging-storefront"
import type { AffiliateStatus } from "./affiliate"

export {
  MAX_ATTACHMENTS_PER_MESSAGE,
  MESSAGE_AUTHOR_TYPES,
  MESSAGE_BODY_MAX_LENGTH,
  MESSAGE_SOURCES,
  type MessageAuthorType,
  type MessageSource,
} from "medusa-plugin-affiliate-messaging-storefront"

export const MESSAGE_PREVIEW_LENGTH = 200
/** Uploads must be sent within this many hours; older unsent ones are purged. */
export const ATTACHMENT_SEND_WINDOW_HOURS = 24

export const MessagingEvents = {
  CONVERSATION_CREATED: "affiliate_conversation.created",
  CONVERSATION_READ: "affiliate_conversation.read",
  CONVERSATION_UNREAD: "affiliate_conversation.unread",
  MESSAGE_CREATED: "affiliate_message.created",
  SETTINGS_UPDATED: "affiliate_messaging_settings.updated",
} as const

export const DEFAULT_DISABLED_MESSAGE =
  "Messaging is currently unavailable. Please contact the store by email."

export type ConversationDTO = {
  id: string
  affiliate_id: string
  member_id: string | null
  affiliate_name: string
  affiliate_email: string
  affiliate_status: AffiliateStatus
  affiliate_group_id: string | null
  affiliate_manager_id: string | null
  /** A member thread's member, copied from the affiliate module; null on team threads. */
  member_first_name: string | null
  member_last_name: string | null
  member_email: string | null
  last_message_at: Date | null
  last_message_preview: string | null
  last_owner_message_at: Date | null
  message_count: number
  owner_unread: boolean
  owner_read_at: Date | null
  created_at: Date
  updated_at: Date
}

/**
 * A timestamp as the list read paths return it: ISO 8601 text in UTC to the
 * millisecond, exactly what `Date#toISOString` writes.
 */
export type IsoTimestamp = string

/** A conversation in a list page: the columns its view shows, timestamps as ISO text. */
export type ConversationListItem = Pick<
  ConversationDTO,
  | "id"
  | "affiliate_id"
  | "member_id"
  | "affiliate_name"
  | "affiliate_email"
  | "affiliate_status"
  | "affiliate_group_id"
  | "affiliate_manager_id"
  | "member_first_name"
  | "member_last_name"
  | "member_email"
  | "last_message_preview"
  | "message_count"
> & {
  last_message_at: IsoTimestamp | null
  created_at: IsoTimestamp
  /** For the owners in the inbox, for the member in a member's list. */
  unread: boolean
}

export type MessageDTO = {
  id: string
  conversation_id: string
  author_type: MessageAuthorType
  author_id: string | null
  author_name: string
  body: string
  source: MessageSource
  broadcast_id: string | null
  created_at: Date
}

export type MessagingSettingsDTO = {
  enabled: boolean
  notification_emails: string[]
}

/** The affiliate facts a conversation copies for inbox filters. */
export type ConversationAffiliateFields = {
  affiliate_name: string
  affiliate_email: string
  affiliate_status: AffiliateStatus
  affiliate_group_id: string | null
  affiliate_manager_id: string | null
}

/** What a member thread copies of its member (all null on a team thread). */
export type ConversationMemberFields = {
  member_first_name: string | null
  member_last_name: string | null
  member_email: string | null
}

export type ConversationAudience = {
  affiliate_id: string
  member_id: string | null
}

/** A thread named by its id, or by the audience it is the one thread of. */
export type ThreadKey = { id: string } | { audience: ConversationAudience }

export type AttachmentUploader = { type: "owner" | "affiliate"; id: string }

export type MessageAttachmentDTO = {
  id: string
  message_id: string | null
  file_id: string
  filename: string
  mime_type: string
  size: number
  uploader_type: "owner" | "affiliate"
  uploader_id: string
  created_at: Date
}

/** What a message's view shows of an attachment. */
export type AttachmentSummary = Pick<MessageAttachmentDTO, "id" | "filename" | "mime_type" | "size">

export type ThreadPage = {
  /** The thread's audience; null when there is no such conversation. */
  thread: { affiliate_id: string; member_id: string | null } | null
  /** Whether the page's cursor is a message of this thread (true without one). */
  cursor_found: boolean
  messages: (Omit<MessageDTO, "created_at"> & { created_at: IsoTimestamp; attachments: AttachmentSummary[] })[]
  /** Messages in the thread. */
  count: number
  /** Position of the first message returned. */
  offset: number
}

export type AppendMessageInput = {
  conversation_id: string
  author_type: MessageAuthorType
  author_id: string | null
  author_name: string
  body: string
  /** "app" unless given: replies by email pass "email". */
  source?: MessageSource
  /** The broadcast that sends it, if any. */
  broadcast_id?: string | null
}

/** An owner-side email an affiliate's messages ask for, checked against `affiliateEmailsPerHour`. */
export type NotificationClaimInput = {
  /** The email's idempotency key: a retried job claims under the same key. */
  key: string
  /** The affiliate id, or "pending" for all pending affiliates together. */
  bucket: string
  period_start: Date
  recipient_key: string
  conversation_id: string
  message_ids: string[]
}

/** A conversation's latest email to one recipient, as its next email answers it (decision 0042). */
export type ThreadEmailDTO = {
  conversation_id: string
  recipient_key: string
  message_id: string
  /** The email's own `References` header, oldest first. */
  references: string[]
}

export type HeldNotification = {
  conversation_id: string
  message_ids: string[]
}
