import type { ConversationAffiliateFields, ConversationMemberFields } from "../../types/messaging"

/** The affiliate's fields every conversation of it carries. */
export const AFFILIATE_COPY = [
  "affiliate_name",
  "affiliate_email",
  "affiliate_status",
  "affiliate_group_id",
  "affiliate_manager_id",
] as const satisfies readonly (keyof ConversationAffiliateFields)[]

/** The member's fields its member thread carries. */
export const MEMBER_COPY = [
  "member_first_name",
  "member_last_name",
  "member_email",
] as const satisfies readonly (keyof ConversationMemberFields)[]

export const NO_MEMBER: ConversationMemberFields = { member_first_name: null, member_last_name: null, member_email: null }

/** Only the copied columns, whatever else the caller's object holds. */
export function pickFields<Fields, Key extends keyof Fields>(fields: Fields, keys: readonly Key[]): Pick<Fields, Key> {
  return Object.fromEntries(keys.map((key) => [key, fields[key]])) as Pick<Fields, Key>
}
