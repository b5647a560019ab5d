/**
 * The affiliate vocabulary the HTTP contract shares with storefronts lives in
 * the storefront package (one definition for server, admin and clients);
 * what only the server uses stays here.
 */
import type {
  AffiliateMemberRole,
  CreateAffiliateGroupInput,
  CreateAffiliateInput,
} from "medusa-plugin-affiliate-messaging-storefront"

export {
  AFFILIATE_MEMBER_ROLES,
  AFFILIATE_STATUSES,
  type AffiliateDTO,
  type AffiliateGroupDTO,
  type AffiliateMemberDTO,
  type AffiliateMemberRole,
  type AffiliateStatus,
  type CreateAffiliateGroupInput,
  type CreateAffiliateInput,
} from "medusa-plugin-affiliate-messaging-storefront"

/**
 * The role of an affiliate team's founding member (the one who signed the
 * team up). Its wire value stays `owner` because the HTTP contract fixes
 * `role: owner | member` (decision 0032); in code and docs it is the
 * founding member, so "owner" alone keeps meaning the store's admins.
 */
export const FOUNDING_MEMBER_ROLE = "owner" satisfies AffiliateMemberRole

/** Medusa auth actor type of affiliate members: `/auth/affiliate/emailpass`. */
export const AFFILIATE_ACTOR_TYPE = "affiliate"

export const AffiliateEvents = {
  AFFILIATE_CREATED: "affiliate.created",
  AFFILIATE_UPDATED: "affiliate.updated",
  MEMBER_CREATED: "affiliate_member.created",
  GROUP_UPDATED: "affiliate_group.updated",
} as const

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

export type UpdateAffiliateInput = Partial<CreateAffiliateInput> & {
  id: string
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

