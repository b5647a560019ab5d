import { downloadRoute } from "../../../../../utils/attachments/download-route"
import type { AffiliateMemberRequest } from "../../../../../utils/middlewares/require-affiliate-member"

export { AUTHENTICATE } from "../../../authenticates-itself"

export const GET = downloadRoute((req) => {
  const member = (req as AffiliateMemberRequest).affiliate_member
  return { side: "affiliate", id: member.id, member }
})
