import { z } from "@medusajs/framework/zod"
import { INBOUND_EMAIL_STATUSES, INBOUND_REFUSAL_REASONS } from "../../../../types/inbound-email"
import { oneOrMany, pagination } from "../../../utils/validators/common"

export const AdminGetInboundEmailsParams = z.strictObject({
  ...pagination(20),
  status: oneOrMany(z.enum(INBOUND_EMAIL_STATUSES)).optional(),
  reason: oneOrMany(z.enum(INBOUND_REFUSAL_REASONS)).optional(),
})
export type AdminGetInboundEmailsParamsType = z.infer<typeof AdminGetInboundEmailsParams>
