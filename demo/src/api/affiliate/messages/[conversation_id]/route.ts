import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { portalPage, portalSettings } from "../../../../storefront/portal-page"

/** The link in affiliate emails (`affiliatePortalUrl`): opens that thread. */
export const GET = (req: MedusaRequest, res: MedusaResponse) => {
  res.type("html").send(portalPage({ ...portalSettings(req), conversationId: req.params.conversation_id }))
}
