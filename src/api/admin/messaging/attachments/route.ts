import type { AuthenticatedMedusaRequest } from "@medusajs/framework/http"
import { uploadRoute } from "../../../utils/attachments/upload-route"

export { AUTHENTICATE } from "../../authenticates-itself"

/** Multipart `files` (up to 10) → `{ attachments }`, unsent until a message names them. */
export const POST = uploadRoute("owner", (req) => ({
  type: "owner",
  id: (req as AuthenticatedMedusaRequest).auth_context.actor_id,
}))
