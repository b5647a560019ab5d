import type {
  AffiliateDTO,
  AffiliateMemberDTO,
  AffiliateStatus,
  CreateAffiliateInput,
} from "../affiliate.js"
import type { AdminAffiliateGroup } from "./affiliate-group.js"
import type { PaginatedResponse, Serialized } from "./common.js"

export type AdminAffiliateMember = Serialized<AffiliateMemberDTO>

export type AdminAffiliate = Serialized<AffiliateDTO> & {
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

export type AdminCreateAffiliate = CreateAffiliateInput

export type AdminUpdateAffiliate = Partial<AdminCreateAffiliate>

export type AdminCreateAffiliateInvite = { email: string }

export type AdminAffiliateInvite = {
  id: string
  email: string
  expires_at: string
  accept_url: string
}

export type AdminAffiliateInviteResponse = { invite: AdminAffiliateInvite }

/** What an affiliate member may see of its own team: no manager, no admin metadata. */
export type StoreAffiliate = Omit<Serialized<AffiliateDTO>, "manager_id" | "metadata">

export type StoreAffiliateMember = AdminAffiliateMember

export type StoreAffiliateAccountResponse = {
  affiliate: StoreAffiliate
  member: StoreAffiliateMember
}

export type StoreRegisterAffiliate = {
  name: string
  /** Optional: the team and its owner take the login's email; a different one is refused (400). */
  email?: string
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
