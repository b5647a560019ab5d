import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"

/** The published widget file, resolved by package name as any storefront would. */
export const GET = (_req: MedusaRequest, res: MedusaResponse) => {
  res.type("application/javascript").sendFile(require.resolve("medusa-plugin-affiliate-messaging-storefront/widget"))
}
