import { MedusaError } from "@medusajs/framework/utils"

/** A member reading: its id and its team. */
export type MemberReader = { id: string; affiliate_id: string }

/**
 * A member sees its affiliate's team thread and its own member thread:
 * never another member's thread, never another affiliate's.
 */
export function isVisibleToMember(
  conversation: { affiliate_id: string; member_id: string | null },
  member: MemberReader
): boolean {
  return (
    conversation.affiliate_id === member.affiliate_id &&
    (conversation.member_id === null || conversation.member_id === member.id)
  )
}

/** What a caller gets for a conversation it may not see, or that does not exist. */
export function conversationNotFound(id: string) {
  return new MedusaError(MedusaError.Types.NOT_FOUND, `Conversation ${id} was not found`)
}
