import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"

/**
 * The store floor of a logged-in affiliate: the publishable key check plus
 * Medusa's own bearer authentication of the plugin's actor type (see
 * ../../../middlewares.ts), no work. Like the plugin's store routes it
 * skips Medusa's customer pass over /store, which would verify the token a
 * second time for nothing.
 */
export const AUTHENTICATE = false

export const GET = async (_req: MedusaRequest, res: MedusaResponse) => {
  res.json({ ok: true })
}
