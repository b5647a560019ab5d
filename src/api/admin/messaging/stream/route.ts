import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { loginBindingOf } from "../../../utils/live/login-check"
import { ownerFeed } from "../../../utils/live/owner-feed"
import { refuseOverCaps, runStream } from "../../../utils/live/run-stream"

export { AUTHENTICATE } from "../../authenticates-itself"

/**
 * The shared inbox's live updates (Server-Sent Events): `message.created`,
 * `conversation.read` / `.unread` and `inbox { unread_count }`. Medusa
 * authenticates the admin (session cookie, bearer or secret key).
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const actor = `user:${req.auth_context.actor_id}`
  if (refuseOverCaps(req, res, actor)) {
    return
  }
  await runStream(req, res, actor, ownerFeed(req, loginBindingOf(req)))
}
