import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { createBroadcastWorkflow } from "../../../workflows/broadcasts"
import { asArray } from "../../utils/validators/as-array"
import { broadcastService, broadcastView } from "./helpers"
import type { AdminCreateBroadcastType, AdminGetBroadcastsParamsType } from "./validators"

export { AUTHENTICATE } from "../authenticates-itself"

/** Broadcasts, newest first; `status` filters (one or many). */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetBroadcastsParamsType>, res: MedusaResponse) => {
  const params = req.validatedQuery as AdminGetBroadcastsParamsType
  const { broadcasts, count } = await broadcastService(req.scope).listBroadcastsWithCounts({
    status: asArray(params.status),
    limit: params.limit,
    offset: params.offset,
  })
  res.json({ broadcasts: broadcasts.map(broadcastView), count, offset: params.offset, limit: params.limit })
}

/**
 * Accepts a broadcast (202): it is written in batches by a queue job, now
 * (`sending`) or at `scheduled_at` (`scheduled`; also while another
 * broadcast of the store is sending).
 */
export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateBroadcastType>, res: MedusaResponse) => {
  const { body, attachment_ids, audience, scheduled_at } = req.validatedBody
  const { result } = await createBroadcastWorkflow(req.scope).run({
    input: { user_id: req.auth_context.actor_id, body, attachment_ids, audience, scheduled_at },
  })
  res.status(202).json({ broadcast: broadcastView(result) })
}
