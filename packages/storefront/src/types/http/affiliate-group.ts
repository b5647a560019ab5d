import type { AffiliateGroupDTO, CreateAffiliateGroupInput } from "../affiliate.js"
import type { DeleteResponse, PaginatedResponse, Serialized } from "./common.js"

export type AdminAffiliateGroup = Serialized<AffiliateGroupDTO>

export type AdminAffiliateGroupResponse = { affiliate_group: AdminAffiliateGroup }
export type AdminAffiliateGroupListResponse = PaginatedResponse<{
  affiliate_groups: AdminAffiliateGroup[]
}>
export type AdminAffiliateGroupDeleteResponse = DeleteResponse<"affiliate_group">

export type AdminCreateAffiliateGroup = CreateAffiliateGroupInput

export type AdminUpdateAffiliateGroup = Partial<AdminCreateAffiliateGroup>
