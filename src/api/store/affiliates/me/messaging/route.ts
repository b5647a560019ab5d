import type { MedusaResponse } from "@medusajs/framework/http"
import type { StoreMessagingStatusResponse } from "../../../../../types/http"
import { messagingAvailability } from "../../../../../utils/shared/messaging-availability"
import { messagingService } from "../../../../utils/conversation-views"
import type { AffiliateMemberRequest } from "../../../../utils/middlewares/require-affiliate-member"

export { AUTHENTICATE } from "../../authenticates-itself"

/** What the Messages tab and its badge need, in one cheap call. */
export const GET = async (
  req: AffiliateMemberRequest,
  res: MedusaResponse<StoreMessagingStatusResponse>
) => {
  const member = req.affiliate_member
  const { settings, unread_count } = await messagingService(req.scope).retrieveMemberMessagingStatus({
    affiliate_id: member.affiliate_id,
    member_id: member.id,
  })
  const availability = messagingAvailability(settings, member.affiliate.group)
  res.json({
    messaging: {
      enabled: availability.enabled,
      disabled_message: availability.disabled_message,
      unread_count,
    },
  })
}
