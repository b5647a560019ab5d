import { z } from "@medusajs/framework/zod"
import { BROADCAST_AUDIENCE_STATUSES, BROADCAST_RECIPIENT_STATUSES, BROADCAST_STATUSES } from "../../../types/broadcast"
import { unknownMergeTags } from "../../../utils/merge-tags"
import { unknownTagsMessage } from "../../../workflows/broadcasts/steps/validate-broadcast-body"
import { checkMessage, entityId, messageFields, oneOrMany, pagination } from "../../utils/validators/common"

/** Hand-picked affiliates per broadcast: a program's worth, in one request. */
const MAX_PICKED_AFFILIATES = 10_000

const idList = (field: string, max = 100) =>
  z.array(entityId).min(1, `${field} must not be empty`).max(max, `${field} takes at most ${max} ids`)

/** AND between keys, OR inside one; at least one key, none empty. */
export const BroadcastAudience = z
  .strictObject({
    group_ids: idList("audience.group_ids").optional(),
    statuses: z.array(z.enum(BROADCAST_AUDIENCE_STATUSES)).min(1, "audience.statuses must not be empty").optional(),
    manager_ids: idList("audience.manager_ids").optional(),
    affiliate_ids: idList("audience.affiliate_ids", MAX_PICKED_AFFILIATES).optional(),
  })
  .refine((audience) => Object.values(audience).some((value) => value !== undefined), {
    message: "audience must name at least one of group_ids, statuses, manager_ids, affiliate_ids",
  })

export const AdminPreviewBroadcast = z.strictObject({ audience: BroadcastAudience })
export type AdminPreviewBroadcastType = z.infer<typeof AdminPreviewBroadcast>

export const AdminCreateBroadcast = z
  .strictObject({
    ...messageFields,
    audience: BroadcastAudience,
    scheduled_at: z.iso.datetime({ offset: true, message: "scheduled_at must be an ISO 8601 date and time" }).nullish(),
  })
  .superRefine(checkMessage)
  .superRefine((value, ctx) => {
    const unknown = unknownMergeTags(value.body)
    if (unknown.length) {
      ctx.addIssue({ code: "custom", path: ["body"], message: unknownTagsMessage(unknown) })
    }
  })
export type AdminCreateBroadcastType = z.infer<typeof AdminCreateBroadcast>

export const AdminGetBroadcastsParams = z.strictObject({
  ...pagination(20),
  status: oneOrMany(z.enum(BROADCAST_STATUSES)).optional(),
})
export type AdminGetBroadcastsParamsType = z.infer<typeof AdminGetBroadcastsParams>

export const AdminGetBroadcastRecipientsParams = z.strictObject({
  ...pagination(50),
  status: oneOrMany(z.enum(BROADCAST_RECIPIENT_STATUSES)).optional(),
})
export type AdminGetBroadcastRecipientsParamsType = z.infer<typeof AdminGetBroadcastRecipientsParams>
