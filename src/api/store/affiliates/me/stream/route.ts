import type { MedusaResponse } from "@medusajs/framework/http"
import { memberFeed } from "../../../../utils/live/member-feed"
import { refuseOverCaps, runStream } from "../../../../utils/live/run-stream"
import type { AffiliateMemberRequest } from "../../../../utils/middlewares/require-affiliate-member"
import { StreamRequest } from "./middlewares"

export { AUTHENTICATE } from "../../authenticates-itself"

/**
 * The member's live updates (Server-Sent Events): `message.created` for the
 * conversations it may see, its own `conversation.read`, and
 * `messaging { enabled, unread_count }`. Opened with a ticket
 * (`?ticket=…&publishable_key=…`) or the usual headers (./middlewares.ts).
 */
export const GET = async (req: AffiliateMemberRequest & StreamRequest, res: MedusaResponse) => {
  const member = req.affiliate_member
  const actor = `affiliate:${member.id}`
  if (refuseOverCaps(req, res, actor)) {
    return
  }
  await runStream(req, res, actor, memberFeed(req, member.id, member.affiliate_id, req.stream_login))
}
