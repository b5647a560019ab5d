import type { MedusaResponse } from "@medusajs/framework/http"
import type { StoreConversationResponse } from "../../../../../../types/http"
import { markMemberConversationReadWorkflow } from "../../../../../../workflows"
import { memberConversationView } from "../../../../../utils/conversation-views"
import type { AffiliateMemberRequest } from "../../../../../utils/middlewares/require-affiliate-member"
import type { GetConversationParamsType } from "../../../../../utils/validators/common"

export { AUTHENTICATE } from "../../../authenticates-itself"

/** Opening a conversation marks it read for this member, unless `mark_read=false`. */
export const GET = async (
  req: AffiliateMemberRequest,
  res: MedusaResponse<StoreConversationResponse>
) => {
  const { mark_read } = req.validatedQuery as GetConversationParamsType
  const member = req.affiliate_member
  if (mark_read) {
    await markMemberConversationReadWorkflow(req.scope).run({
      input: { conversation_id: req.params.id, member },
    })
  }
  res.json({ conversation: await memberConversationView(req.scope, req.params.id, member) })
}
