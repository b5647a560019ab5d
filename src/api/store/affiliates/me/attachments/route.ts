import { uploadRoute } from "../../../../utils/attachments/upload-route"
import type { AffiliateMemberRequest } from "../../../../utils/require-affiliate-member"

/** Multipart `files` (up to 10) → `{ attachments }`, unsent until a message names them. */
export const POST = uploadRoute("affiliate", (req) => ({
  type: "affiliate",
  id: (req as AffiliateMemberRequest).affiliate_member.id,
}))
