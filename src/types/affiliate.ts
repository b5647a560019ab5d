export const AFFILIATE_STATUSES = [
  "pending",
  "active",
  "declined",
  "suspended",
] as const
export type AffiliateStatus = (typeof AFFILIATE_STATUSES)[number]

export const AFFILIATE_MEMBER_ROLES = ["owner", "member"] as const
export type AffiliateMemberRole = (typeof AFFILIATE_MEMBER_ROLES)[number]

/** Medusa auth actor type of affiliate members: `/auth/affiliate/emailpass`. */
export const AFFILIATE_ACTOR_TYPE = "affiliate"

export const AffiliateEvents = {
  AFFILIATE_CREATED: "affiliate.created",
  AFFILIATE_UPDATED: "affiliate.updated",
  MEMBER_CREATED: "affiliate_member.created",
} as const

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

export type AffiliateInviteDTO = {
  id: string
  affiliate_id: string
  email: string
  token_hash: string
  /** Null on invites made before tokens were derived (their token was random). */
  token_salt: string | null
  expires_at: Date
  accepted_at: Date | null
  created_at: Date
}

export type CreateAffiliateInput = {
  name: string
  email: string
  status?: AffiliateStatus
  group_id?: string | null
  manager_id?: string | null
  metadata?: Record<string, unknown> | null
}

export type UpdateAffiliateInput = Partial<CreateAffiliateInput> & {
  id: string
}

export type CreateAffiliateGroupInput = {
  name: string
  messaging_enabled?: boolean
  messaging_disabled_message?: string | null
  metadata?: Record<string, unknown> | null
}

export type UpdateAffiliateGroupInput = Partial<CreateAffiliateGroupInput> & {
  id: string
}

export type CreateAffiliateMemberInput = {
  affiliate_id: string
  email: string
  first_name?: string | null
  last_name?: string | null
  role?: AffiliateMemberRole
  email_notifications?: boolean
}

export type UpdateAffiliateMemberInput = {
  id: string
  first_name?: string | null
  last_name?: string | null
  email_notifications?: boolean
}
