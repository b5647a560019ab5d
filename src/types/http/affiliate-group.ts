import type { DeleteResponse, PaginatedResponse } from "./common"

export type AdminAffiliateGroup = {
  id: string
  name: string
  messaging_enabled: boolean
  messaging_disabled_message: string | null
  metadata: Record<string, unknown> | null
  created_at: string
  updated_at: string
}

export type AdminAffiliateGroupResponse = { affiliate_group: AdminAffiliateGroup }
export type AdminAffiliateGroupListResponse = PaginatedResponse<{
  affiliate_groups: AdminAffiliateGroup[]
}>
export type AdminAffiliateGroupDeleteResponse = DeleteResponse<"affiliate_group">

export type AdminCreateAffiliateGroup = {
  name: string
  messaging_enabled?: boolean
  messaging_disabled_message?: string | null
  metadata?: Record<string, unknown> | null
}

export type AdminUpdateAffiliateGroup = Partial<AdminCreateAffiliateGroup>
