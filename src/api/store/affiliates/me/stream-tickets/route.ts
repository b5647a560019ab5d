import type { MedusaResponse } from "@medusajs/framework/http"
import type { StoreStreamTicketResponse } from "../../../../../types/http"
import { loginBindingOf } from "../../../../utils/live/login-check"
import { liveEventsService } from "../../../../utils/live/run-stream"
import type { AffiliateMemberRequest } from "../../../../utils/middlewares/require-affiliate-member"

export { AUTHENTICATE } from "../../authenticates-itself"

/**
 * A one-use ticket, valid 60 s, that opens this member's stream from an
 * `EventSource` (which cannot send headers). Only its hash is stored; the
 * stream it opens ends with the login it was issued under.
 */
export const POST = async (req: AffiliateMemberRequest, res: MedusaResponse<StoreStreamTicketResponse>) => {
  const { ticket, expires_at } = await liveEventsService(req).issueStreamTicket({
    member_id: req.affiliate_member.id,
    ...loginBindingOfGrant(req),
  })
  res.json({ ticket, expires_at: expires_at.toISOString() })
}

function loginBindingOfGrant(req: AffiliateMemberRequest) {
  const login = loginBindingOf(req)
  return { session_id: login.session_id, auth_expires_at: login.expires_at }
}
