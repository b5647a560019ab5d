import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"

/** What a stream URL may carry: `last_event_id` (for clients that reconnect by hand), and the member's ticket and key. */
export const AdminStreamParams = z.strictObject({
  last_event_id: z.string().optional(),
})

export const StoreStreamParams = AdminStreamParams.extend({
  ticket: z.string().min(1).max(200).optional(),
  publishable_key: z.string().optional(),
})

/** 400 for a stream URL with anything else: a stream never answers JSON once open, so it is refused first. */
export function validateStreamQuery(schema: z.ZodType) {
  return (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => {
    const parsed = schema.safeParse(req.query)
    if (!parsed.success) {
      return res
        .status(400)
        .json({ type: "invalid_data", message: parsed.error.issues.map((issue) => `${issue.path.join(".") || "query"}: ${issue.message}`).join("; ") })
    }
    next()
  }
}
