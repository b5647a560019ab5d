import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { previewBroadcastWorkflow } from "../../../../workflows/broadcasts"
import { audienceAffiliateView } from "../helpers"
import type { AdminPreviewBroadcastType } from "../validators"

export { AUTHENTICATE } from "../../authenticates-itself"

/** Who a broadcast to `audience` would reach now, who would be skipped and why, and a sample; nothing written. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminPreviewBroadcastType>, res: MedusaResponse) => {
  const { result } = await previewBroadcastWorkflow(req.scope).run({ input: { audience: req.validatedBody.audience } })
  res.json({
    recipient_count: result.recipient_count,
    skipped: result.skipped,
    sample: result.sample.map(audienceAffiliateView),
  })
}
