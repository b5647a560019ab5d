import { affiliateUploadRefusal } from "../../../../../utils/affiliate-write-refusal"
import { uploadRoute } from "../../../../utils/attachments/upload-route"
import { messagingService } from "../../../../utils/conversation-views"
import type { AffiliateMemberRequest } from "../../../../utils/middlewares/require-affiliate-member"

export { AUTHENTICATE } from "../../authenticates-itself"

/**
 * Multipart `files` (up to 10) → `{ attachments }`, unsent until a message
 * names them. Refused, before a byte is read, to an affiliate that may not
 * upload (`affiliateUploadRefusal`: declined, messaging disabled for it,
 * or pending without `allowPendingUploads`).
 */
export const POST = uploadRoute(
  "affiliate",
  (req) => ({ type: "affiliate", id: (req as AffiliateMemberRequest).affiliate_member.id }),
  async (req) => {
    const member = (req as AffiliateMemberRequest).affiliate_member
    const service = messagingService(req.scope)
    return affiliateUploadRefusal(
      await service.retrieveSettings(),
      member.affiliate.group,
      member.affiliate.status,
      service.getOptions().allowPendingUploads
    )
  }
)
