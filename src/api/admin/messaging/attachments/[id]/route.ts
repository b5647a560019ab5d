import type { AuthenticatedMedusaRequest } from "@medusajs/framework/http"
import { downloadRoute } from "../../../../utils/attachments/download-route"

export { AUTHENTICATE } from "../../../authenticates-itself"

export const GET = downloadRoute((req) => ({
  side: "owner",
  id: (req as AuthenticatedMedusaRequest).auth_context.actor_id,
}))
