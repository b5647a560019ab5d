import type { MedusaContainer } from "@medusajs/framework/types"
import type {
  Attachment,
  Conversation,
  Message,
  StoreConversation,
  StoreConversationAffiliate,
  StoreMessage,
} from "../../types/http"
import type {
  AttachmentSummary,
  ConversationDTO,
  ConversationListItem,
  IsoTimestamp,
  MessageDTO,
} from "../../types/messaging"
import { MESSAGING_MODULE } from "../../modules/messaging"
import type { IMessagingModuleService } from "../../types/messaging-module"

/** A Date from the ORM, or already ISO text from a list page's SQL. */
type Timestamp = Date | IsoTimestamp

function iso(value: Timestamp): string
function iso(value: Timestamp | null): string | null
function iso(value: Timestamp | null) {
  return value === null || typeof value === "string" ? value : value.toISOString()
}

/** A conversation as read by the ORM or by a list page: what its view needs. */
type ConversationRow = Omit<ConversationListItem, "last_message_at" | "created_at" | "unread"> & {
  last_message_at: Timestamp | null
  created_at: Timestamp
}

/** The affiliate as the row copies it, as both sides see it. */
const affiliateOf = (row: ConversationRow): StoreConversationAffiliate => ({
  id: row.affiliate_id,
  name: row.affiliate_name,
  email: row.affiliate_email,
  status: row.affiliate_status,
  group_id: row.affiliate_group_id,
})

/** A conversation in the API's shape around the affiliate its side may see. */
function conversationView<Row extends ConversationRow, Affiliate>(row: Row, affiliate: Affiliate, unread: boolean) {
  return {
    id: row.id,
    affiliate,
    member: row.member_id
      ? {
          id: row.member_id,
          first_name: row.member_first_name,
          last_name: row.member_last_name,
          // a thread the copy has not reached yet (see src/migration-scripts)
          email: row.member_email ?? "",
        }
      : null,
    last_message_at: iso(row.last_message_at),
    last_message_preview: row.last_message_preview,
    message_count: Number(row.message_count),
    unread,
    created_at: iso(row.created_at),
  }
}

/** Conversations as admins see them, from the row's own copies of the affiliate (with its manager) and member. */
export function ownerConversationViews<Row extends ConversationRow>(
  rows: Row[],
  unreadOf: (row: Row) => boolean
): Conversation[] {
  return rows.map((row) =>
    conversationView(row, { ...affiliateOf(row), manager_id: row.affiliate_manager_id }, unreadOf(row))
  )
}

/** Conversations as affiliate members see them: the store shape has no manager (an admin user id). */
export function storeConversationViews<Row extends ConversationRow>(
  rows: Row[],
  unreadOf: (row: Row) => boolean
): StoreConversation[] {
  return rows.map((row) => conversationView(row, affiliateOf(row), unreadOf(row)))
}

export const ownerUnread = (row: ConversationDTO) => !!row.owner_unread

/** A list page's rows say whether they are unread for whoever reads the list. */
export const listUnread = (row: ConversationListItem) => row.unread

/** Whose download routes attachment URLs point at. */
export type ViewerSide = "owner" | "affiliate"

export function attachmentView(attachment: AttachmentSummary, side: ViewerSide): Attachment {
  const base = side === "owner" ? "/admin/messaging/attachments" : "/store/affiliates/me/attachments"
  return {
    id: attachment.id,
    filename: attachment.filename,
    mime_type: attachment.mime_type,
    size: Number(attachment.size),
    url: `${base}/${attachment.id}`,
  }
}

/** A message as the thread page or a send reads it. */
type MessageRow = Omit<MessageDTO, "created_at"> & { created_at: Timestamp }

function messageView<AuthorId>(
  message: MessageRow,
  authorId: AuthorId,
  attachments: AttachmentSummary[],
  side: ViewerSide
) {
  return {
    id: message.id,
    conversation_id: message.conversation_id,
    author_type: message.author_type,
    author: { id: authorId, name: message.author_name },
    body: message.body,
    source: message.source,
    broadcast_id: message.broadcast_id,
    attachments: attachments.map((attachment) => attachmentView(attachment, side)),
    created_at: iso(message.created_at),
  }
}

/** How each side shows a message with its attachments. */
export type MessageView<M> = (message: MessageRow, attachments: AttachmentSummary[]) => M

/** A message as admins see it: the author's id is an admin user's or a member's. */
export const ownerMessageView: MessageView<Message> = (message, attachments) =>
  messageView(message, message.author_id, attachments, "owner")

/**
 * A message as affiliate members see it: the store shape names a member
 * author by id (teammates tell each other apart) and the owner's side by name
 * only, never by admin user id.
 */
export const storeMessageView: MessageView<StoreMessage> = (message, attachments) =>
  messageView(
    message,
    message.author_type === "affiliate" ? message.author_id : null,
    attachments,
    "affiliate"
  )

/** A message just sent, in its side's shape: its attachments read in one query. */
export async function sentMessageView<M>(
  scope: MedusaContainer,
  message: MessageDTO,
  view: MessageView<M>,
  /** The attachments the send carried: none sent, none to look up. */
  attachmentIds?: string[]
): Promise<M> {
  const attachments = attachmentIds && !attachmentIds.length
    ? []
    : await scope.resolve<IMessagingModuleService>(MESSAGING_MODULE).listAttachmentsOfMessages([message.id])
  return view(message, attachments)
}
