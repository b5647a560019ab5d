import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"

/** The store floor: Medusa's publishable key check and middleware stack, no work. */
export const GET = async (_req: MedusaRequest, res: MedusaResponse) => {
  res.json({ ok: true })
}
