import { z } from "@medusajs/framework/zod"
import { AFFILIATE_STATUSES } from "../../../types/affiliate"
import {
  booleanParam,
  checkMessage,
  entityId,
  messageFields,
  oneOrMany,
  pagination,
} from "../../utils/validators/common"

export const AdminGetConversationsParams = z.strictObject({
  ...pagination(20),
  unread: booleanParam.optional(),
  group_id: oneOrMany(entityId).optional(),
  manager_id: oneOrMany(entityId).optional(),
  affiliate_status: oneOrMany(z.enum(AFFILIATE_STATUSES)).optional(),
  affiliate_id: oneOrMany(entityId).optional(),
  member_id: oneOrMany(entityId).optional(),
  broadcast_id: oneOrMany(entityId).optional(),
  q: z.string().trim().max(200).optional(),
})
export type AdminGetConversationsParamsType = z.infer<typeof AdminGetConversationsParams>

export const AdminCreateConversation = z
  .strictObject({
    affiliate_id: entityId,
    member_id: entityId.nullish(),
    ...messageFields,
  })
  .superRefine(checkMessage)
export type AdminCreateConversationType = z.infer<typeof AdminCreateConversation>

