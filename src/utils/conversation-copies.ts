import type { AffiliateStatus } from "../types/affiliate"
import type { ConversationAffiliateFields, ConversationMemberFields } from "../types/messaging"

/** An affiliate's facts as its conversations copy them (the inbox's filter and search columns). */
export function affiliateCopy(affiliate: {
  name: string
  email: string
  status: AffiliateStatus
  group_id?: string | null
  manager_id?: string | null
}): ConversationAffiliateFields {
  return {
    affiliate_name: affiliate.name,
    affiliate_email: affiliate.email,
    affiliate_status: affiliate.status,
    affiliate_group_id: affiliate.group_id ?? null,
    affiliate_manager_id: affiliate.manager_id ?? null,
  }
}

/** A member's name and email as its member thread copies them. */
export function memberCopy(member: {
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
