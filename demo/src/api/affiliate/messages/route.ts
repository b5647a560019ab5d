import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { portalPage, portalSettings } from "../../../storefront/portal-page"

export const GET = (req: MedusaRequest, res: MedusaResponse) => {
  res.type("html").send(portalPage(portalSettings(req)))
}
