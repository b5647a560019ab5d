import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"

/**
 * The store floor of a logged-in affiliate: the publishable key check plus
 * Medusa's own bearer authentication of the plugin's actor type (see
 * ../../../middlewares.ts), no work. Every /store/affiliates/me route pays
 * both before any plugin code runs.
 */
export const GET = async (_req: MedusaRequest, res: MedusaResponse) => {
  res.json({ ok: true })
}
