import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"

/** The admin floor: authentication and Medusa's middleware stack, no work. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ ok: true, actor_id: req.auth_context.actor_id })
}
