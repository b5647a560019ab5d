import { z } from "@medusajs/framework/zod"
import { AFFILIATE_STATUSES } from "../../../types/affiliate"
import {
  emailAddress,
  entityId,
  metadata,
  oneOrMany,
  orderBy,
  pagination,
  singleLineText,
} from "../../utils/validators/common"

const status = z.enum(AFFILIATE_STATUSES)

export const AdminGetAffiliatesParams = z.strictObject({
  fields: z.string().optional(),
  ...pagination(20),
  order: orderBy(["name", "email", "status", "created_at", "updated_at"]).optional(),
  q: z.string().trim().max(200).optional(),
  status: oneOrMany(status).optional(),
  group_id: oneOrMany(entityId).optional(),
  manager_id: oneOrMany(entityId).optional(),
})
export type AdminGetAffiliatesParamsType = z.infer<typeof AdminGetAffiliatesParams>

export const AdminGetAffiliateParams = z.strictObject({
  fields: z.string().optional(),
})

export const AdminGetAffiliateMembersParams = z.strictObject({
  fields: z.string().optional(),
  ...pagination(50),
  order: orderBy(["email", "created_at"]).optional(),
})

export const AdminCreateAffiliate = z.strictObject({
  name: singleLineText("name", 200),
  email: emailAddress,
  status: status.optional(),
  group_id: entityId.nullish(),
  manager_id: entityId.nullish(),
  metadata: metadata.nullish(),
})
export type AdminCreateAffiliateType = z.infer<typeof AdminCreateAffiliate>

export const AdminUpdateAffiliate = AdminCreateAffiliate.partial()
export type AdminUpdateAffiliateType = z.infer<typeof AdminUpdateAffiliate>

export const AdminCreateAffiliateInvite = z.strictObject({
  email: emailAddress,
})
export type AdminCreateAffiliateInviteType = z.infer<
  typeof AdminCreateAffiliateInvite
>
