import type { MedusaResponse } from "@medusajs/framework/http"
import { affiliateWriteRefusal } from "../../../../../utils/affiliate-write-refusal"
import { answerConflicts } from "../../../../utils/answer-conflicts"
import { uploadRoute } from "../../../../utils/attachments/upload-route"
import { messagingService } from "../../../../utils/conversations"
import type { AffiliateMemberRequest } from "../../../../utils/require-affiliate-member"

export { AUTHENTICATE } from "../../authenticates-itself"

const upload = uploadRoute("affiliate", (req) => ({
  type: "affiliate",
  id: (req as AffiliateMemberRequest).affiliate_member.id,
}))

/**
 * Multipart `files` (up to 10) → `{ attachments }`, unsent until a message
 * names them. Refused, before a byte is read, to an affiliate that could not
 * send them (declined, or messaging disabled for it).
 */
export const POST = answerConflicts(async (req: AffiliateMemberRequest, res: MedusaResponse) => {
  const member = req.affiliate_member
  const settings = await messagingService(req.scope).retrieveSettings()
  const refusal = affiliateWriteRefusal(settings, member.group, member.affiliate_status)
  if (refusal) {
    // the files are not read: the connection goes once the answer is out
    res.setHeader("Connection", "close")
    res.once("finish", () => req.destroy())
    throw refusal
  }
  await upload(req, res)
})
