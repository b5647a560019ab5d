import type { AffiliateMemberRole, AffiliateStatus } from "../affiliate"
import type { AdminAffiliateGroup } from "./affiliate-group"
import type { PaginatedResponse } from "./common"

/** Timestamps travel as ISO 8601 strings. */
type Timestamps = { created_at: string; updated_at: string }

export type AdminAffiliateMember = Timestamps & {
  id: string
  affiliate_id: string
  email: string
  first_name: string | null
  last_name: string | null
  role: AffiliateMemberRole
  email_notifications: boolean
}

export type AdminAffiliate = Timestamps & {
  id: string
  name: string
  email: string
  status: AffiliateStatus
  group_id: string | null
  manager_id: string | null
  metadata: Record<string, unknown> | null
  members?: AdminAffiliateMember[]
  group?: AdminAffiliateGroup | null
}

export type AdminAffiliateResponse = { affiliate: AdminAffiliate }
export type AdminAffiliateListResponse = PaginatedResponse<{
  affiliates: AdminAffiliate[]
}>
export type AdminAffiliateMemberListResponse = PaginatedResponse<{
  members: AdminAffiliateMember[]
}>

export type AdminAffiliateListParams = {
  q?: string
  status?: AffiliateStatus | AffiliateStatus[]
  group_id?: string | string[]
  manager_id?: string | string[]
  limit?: number
  offset?: number
  order?: string
}

export type AdminCreateAffiliate = {
  name: string
  email: string
  status?: AffiliateStatus
  group_id?: string | null
  manager_id?: string | null
  metadata?: Record<string, unknown> | null
}

export type AdminUpdateAffiliate = Partial<AdminCreateAffiliate>

export type AdminCreateAffiliateInvite = { email: string }

export type AdminAffiliateInvite = {
  id: string
  email: string
  expires_at: string
  accept_url: string
}

export type AdminAffiliateInviteResponse = { invite: AdminAffiliateInvite }

/** What an affiliate member may see of its own team. */
export type StoreAffiliate = Timestamps & {
  id: string
  name: string
  email: string
  status: AffiliateStatus
  group_id: string | null
}

export type StoreAffiliateMember = Timestamps & {
  id: string
  affiliate_id: string
  email: string
  first_name: string | null
  last_name: string | null
  role: AffiliateMemberRole
  email_notifications: boolean
}

export type StoreAffiliateAccountResponse = {
  affiliate: StoreAffiliate
  member: StoreAffiliateMember
}

export type StoreRegisterAffiliate = {
  name: string
  email: string
  first_name?: string | null
  last_name?: string | null
}

export type StoreAcceptAffiliateInvite = {
  token: string
  first_name?: string | null
  last_name?: string | null
}

export type StoreUpdateAffiliateMe = {
  first_name?: string | null
  last_name?: string | null
  email_notifications?: boolean
}
