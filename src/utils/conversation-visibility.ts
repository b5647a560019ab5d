/**
 * A member sees its affiliate's team thread and its own member thread:
 * never another member's thread, never another affiliate's.
 */
export function isVisibleToMember(
  conversation: { affiliate_id: string; member_id: string | null },
  member: { id: string; affiliate_id: string }
): boolean {
  return (
    conversation.affiliate_id === member.affiliate_id &&
    (conversation.member_id === null || conversation.member_id === member.id)
  )
}
