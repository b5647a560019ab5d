import { z } from "@medusajs/framework/zod"
import {
  metadata,
  multiLineText,
  orderBy,
  pagination,
  singleLineText,
} from "../../utils/validators/common"

export const AdminGetAffiliateGroupsParams = z.strictObject({
  fields: z.string().optional(),
  ...pagination(50),
  order: orderBy(["name", "created_at", "updated_at"]).optional(),
  q: z.string().trim().max(200).optional(),
  messaging_enabled: z
    .enum(["true", "false"])
    .transform((value) => value === "true")
    .optional(),
})

export const AdminGetAffiliateGroupParams = z.strictObject({
  fields: z.string().optional(),
})

export const AdminCreateAffiliateGroup = z.strictObject({
  name: singleLineText("name", 200),
  messaging_enabled: z.boolean().optional(),
  messaging_disabled_message: multiLineText("messaging_disabled_message", 2000).nullish(),
  metadata: metadata.nullish(),
})
export type AdminCreateAffiliateGroupType = z.infer<typeof AdminCreateAffiliateGroup>

export const AdminUpdateAffiliateGroup = AdminCreateAffiliateGroup.partial()
export type AdminUpdateAffiliateGroupType = z.infer<typeof AdminUpdateAffiliateGroup>
