import type { ConversationDTO } from "../../types/messaging"
import type { AppendedMessage, PostedMessage, PostMessageInput } from "../../types/messaging-module"

/** `postMessage`'s answer, with what undoes it. */
export function postedMessage(
  input: PostMessageInput,
  opened: { conversation: ConversationDTO; created: boolean },
  appended: AppendedMessage & { previous_read_at: Date | null }
): PostedMessage {
  const { message, previous_owner_unread, previous_read_at } = appended
  return {
    conversation: opened.conversation,
    created: opened.created,
    message,
    undo: {
      message_id: message.id,
      conversation_id: message.conversation_id,
      previous_owner_unread,
      created: opened.created,
      attachment_ids: input.attachment_ids ?? [],
      read_mark: input.read_by_member_id ? { member_id: input.read_by_member_id, previous_read_at } : null,
    },
  }
}
