import type { AffiliateStatus } from "../affiliate.js"
import type { MessageAuthorType, MessageSource } from "../messaging.js"
import type { PaginatedResponse } from "./common.js"

export type Attachment = {
  id: string
  filename: string
  mime_type: string
  size: number
  /** The authorised download route for the caller's side. */
  url: string
}

/** The affiliate as both sides see it in a conversation. */
export type StoreConversationAffiliate = {
  id: string
  name: string
  email: string
  status: AffiliateStatus
  group_id: string | null
}

type ConversationShape<TAffiliate> = {
  id: string
  affiliate: TAffiliate
  member: { id: string; first_name: string | null; last_name: string | null; email: string } | null
  last_message_at: string | null
  last_message_preview: string | null
  message_count: number
  /** The caller's side: shared owner state for admins, the member's own for affiliates. */
  unread: boolean
  created_at: string
}

/** A conversation on admin routes: the affiliate's manager (an admin user id) included. */
export type Conversation = ConversationShape<StoreConversationAffiliate & { manager_id: string | null }>

/** A conversation on store routes: affiliates never see admin user ids, so no `manager_id`. */
export type StoreConversation = ConversationShape<StoreConversationAffiliate>

type MessageShape<TAuthorId> = {
  id: string
  conversation_id: string
  author_type: MessageAuthorType
  author: { id: TAuthorId; name: string }
  body: string
  /** "email" for a reply sent by email. */
  source: MessageSource
  /** The broadcast that sent this message; null for a message written to this thread. */
  broadcast_id: string | null
  attachments: Attachment[]
  created_at: string
}

/** A message on admin routes: `author.id` is the admin user's or the member's id. */
export type Message = MessageShape<string | null>

/**
 * A message on store routes: `author.id` is the member's id for affiliate
 * messages and null for the owner's and system messages (affiliates never
 * see admin user ids).
 */
export type StoreMessage = MessageShape<string | null>

export type ConversationResponse = { conversation: Conversation }
export type MessageResponse = { message: Message }
export type ConversationWithMessageResponse = { conversation: Conversation; message: Message }
export type ConversationListResponse = PaginatedResponse<{ conversations: Conversation[] }>
export type AdminConversationListResponse = ConversationListResponse & { unread_count: number }
export type MessageListResponse = PaginatedResponse<{ messages: Message[] }>

export type StoreConversationResponse = { conversation: StoreConversation }
export type StoreMessageResponse = { message: StoreMessage }
export type StoreConversationWithMessageResponse = { conversation: StoreConversation; message: StoreMessage }
export type StoreConversationListResponse = PaginatedResponse<{ conversations: StoreConversation[] }>
export type StoreMessageListResponse = PaginatedResponse<{ messages: StoreMessage[] }>

export type AdminConversationListParams = {
  unread?: boolean
  group_id?: string | string[]
  manager_id?: string | string[]
  affiliate_status?: AffiliateStatus | AffiliateStatus[]
  affiliate_id?: string | string[]
  member_id?: string | string[]
  /** The threads a broadcast delivered to. */
  broadcast_id?: string
  q?: string
  limit?: number
  offset?: number
}

export type StoreConversationListParams = {
  unread?: boolean
  limit?: number
  offset?: number
}

/** Without a cursor or offset: the latest `limit` messages. Always oldest first. */
export type MessageListParams = {
  limit?: number
  offset?: number
  before?: string
  after?: string
}

export type SendMessageBody = {
  /** 1–10,000 characters after trimming; may be empty when attachments are sent. */
  body: string
  attachment_ids?: string[]
}

export type AdminCreateConversationBody = SendMessageBody & {
  affiliate_id: string
  /** A member of that affiliate for a member thread; absent or null for the team. */
  member_id?: string | null
}

export type StoreCreateConversationBody = SendMessageBody & {
  audience?: "team" | "member"
}

export type MessagingSettings = { enabled: boolean; notification_emails: string[] }
export type AdminMessagingSettingsResponse = { settings: MessagingSettings }
export type AdminUpdateMessagingSettingsBody = Partial<MessagingSettings>

export type StoreMessagingStatus = {
  enabled: boolean
  disabled_message: string | null
  unread_count: number
}
export type StoreMessagingStatusResponse = { messaging: StoreMessagingStatus }
