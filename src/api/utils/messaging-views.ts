import type { MedusaContainer } from "@medusajs/framework/types"
import type { Attachment, Conversation, Message } from "../../types/http"
import type {
  AttachmentSummary,
  ConversationDTO,
  ConversationListItem,
  IsoTimestamp,
  MessageDTO,
} from "../../types/messaging"
import { MESSAGING_MODULE } from "../../modules/messaging"
import type MessagingModuleService from "../../modules/messaging/service"

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

/** Conversations in the API's shape, from the row's own copies of the affiliate and member. */
export function conversationViews<Row extends ConversationRow>(
  rows: Row[],
  unreadOf: (row: Row) => boolean
): Conversation[] {
  return rows.map((row) => ({
    id: row.id,
    affiliate: {
      id: row.affiliate_id,
      name: row.affiliate_name,
      email: row.affiliate_email,
      status: row.affiliate_status,
      group_id: row.affiliate_group_id,
      manager_id: row.affiliate_manager_id,
    },
    member: row.member_id
      ? {
          id: row.member_id,
          first_name: row.member_first_name,
          last_name: row.member_last_name,
          // a thread the mirror has not reached yet (see src/migration-scripts)
          email: row.member_email ?? "",
        }
      : null,
    last_message_at: iso(row.last_message_at),
    last_message_preview: row.last_message_preview,
    message_count: Number(row.message_count),
    unread: unreadOf(row),
    created_at: iso(row.created_at),
  }))
}

export const ownerUnread = (row: ConversationDTO) => !!row.owner_unread

/** A list page's rows say whether they are unread for whoever reads the list. */
export const listUnread = (row: ConversationListItem) => row.unread

/** Whose download routes attachment URLs point at. */
export type Side = "owner" | "affiliate"

export function attachmentView(attachment: AttachmentSummary, side: Side): Attachment {
  const base = side === "owner" ? "/admin/messaging/attachments" : "/store/affiliates/me/attachments"
  return {
    id: attachment.id,
    filename: attachment.filename,
    mime_type: attachment.mime_type,
    size: Number(attachment.size),
    url: `${base}/${attachment.id}`,
  }
}

/** A message in the API shape, with its attachments. */
export function messageView(
  message: Omit<MessageDTO, "created_at"> & { created_at: Timestamp },
  attachments: AttachmentSummary[],
  side: Side
): Message {
  return {
    id: message.id,
    conversation_id: message.conversation_id,
    author_type: message.author_type,
    author: { id: message.author_id, name: message.author_name },
    body: message.body,
    attachments: attachments.map((attachment) => attachmentView(attachment, side)),
    created_at: iso(message.created_at),
  }
}

/** A message just sent, in the API shape: its attachments read in one query. */
export async function sentMessageView(scope: MedusaContainer, message: MessageDTO, side: Side): Promise<Message> {
  const attachments = await scope
    .resolve<MessagingModuleService>(MESSAGING_MODULE)
    .listAttachmentsOfMessages([message.id])
  return messageView(message, attachments, side)
}
