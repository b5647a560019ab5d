import type { MedusaResponse } from "@medusajs/framework/http"
import type { StoreMessagingStatusResponse } from "../../../../../types/http"
import { messagingAvailability } from "../../../../../utils/messaging-availability"
import { messagingService } from "../../../../utils/conversations"
import type { AffiliateMemberRequest } from "../../../../utils/require-affiliate-member"

export { AUTHENTICATE } from "../../authenticates-itself"

/** What the Messages tab and its badge need, in one cheap call. */
export const GET = async (
  req: AffiliateMemberRequest,
  res: MedusaResponse<StoreMessagingStatusResponse>
) => {
  const member = req.affiliate_member
  const { settings, unread_count } = await messagingService(req.scope).retrieveMemberMessagingStatus(
    member.affiliate_id,
    member.id
  )
  const availability = messagingAvailability(settings, member.group)
  res.json({
    messaging: {
      enabled: availability.enabled,
      disabled_message: availability.disabled_message,
      unread_count,
    },
  })
}
