import type { ConversationMemberFields } from "../types/messaging"

/** A member's name and email as its member thread mirrors them. */
export function memberMirror(member: {
  first_name?: string | null
  last_name?: string | null
  email: string
}): ConversationMemberFields {
  return {
    member_first_name: member.first_name ?? null,
    member_last_name: member.last_name ?? null,
    member_email: member.email,
  }
}
