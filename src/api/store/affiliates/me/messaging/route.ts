import type { MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { StoreMessagingStatusResponse } from "../../../../../types/http"
import { messagingAvailability } from "../../../../../utils/messaging-availability"
import { messagingService } from "../../../../utils/conversations"
import type { AffiliateMemberRequest } from "../../../../utils/require-affiliate-member"

/** What the Messages tab and its badge need, in one cheap call. */
export const GET = async (
  req: AffiliateMemberRequest,
  res: MedusaResponse<StoreMessagingStatusResponse>
) => {
  const member = req.affiliate_member
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const service = messagingService(req.scope)
  const [settings, unreadCount, group] = await Promise.all([
    service.retrieveSettings(),
    service.countMemberUnread(member.affiliate_id, member.id),
    member.affiliate_group_id
      ? query
          .graph({
            entity: "affiliate_group",
            fields: ["messaging_enabled", "messaging_disabled_message"],
            filters: { id: member.affiliate_group_id },
          })
          .then(({ data }) => data[0] ?? null)
      : null,
  ])
  const availability = messagingAvailability(settings, group)
  res.json({
    messaging: {
      enabled: availability.enabled,
      disabled_message: availability.disabled_message,
      unread_count: unreadCount,
    },
  })
}
