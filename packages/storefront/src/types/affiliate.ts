export const AFFILIATE_STATUSES = [
  "pending",
  "active",
  "declined",
  "suspended",
] as const
export type AffiliateStatus = (typeof AFFILIATE_STATUSES)[number]

export const AFFILIATE_MEMBER_ROLES = ["owner", "member"] as const
export type AffiliateMemberRole = (typeof AFFILIATE_MEMBER_ROLES)[number]

export type AffiliateGroupDTO = {
  id: string
  name: string
  messaging_enabled: boolean
  messaging_disabled_message: string | null
  metadata: Record<string, unknown> | null
  created_at: Date
  updated_at: Date
}

export type AffiliateDTO = {
  id: string
  name: string
  email: string
  status: AffiliateStatus
  group_id: string | null
  manager_id: string | null
  metadata: Record<string, unknown> | null
  created_at: Date
  updated_at: Date
}

export type AffiliateMemberDTO = {
  id: string
  affiliate_id: string
  email: string
  first_name: string | null
  last_name: string | null
  role: AffiliateMemberRole
  email_notifications: boolean
  created_at: Date
  updated_at: Date
}

export type CreateAffiliateInput = {
  name: string
  email: string
  status?: AffiliateStatus
  group_id?: string | null
  manager_id?: string | null
  metadata?: Record<string, unknown> | null
}

export type CreateAffiliateGroupInput = {
  name: string
  messaging_enabled?: boolean
  messaging_disabled_message?: string | null
  metadata?: Record<string, unknown> | null
}
