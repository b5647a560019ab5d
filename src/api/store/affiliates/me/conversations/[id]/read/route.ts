import type { MedusaResponse } from "@medusajs/framework/http"
import type { StoreConversationResponse } from "../../../../../../../types/http"
import { markMemberConversationReadWorkflow } from "../../../../../../../workflows"
import { memberConversationView } from "../../../../../../utils/conversation-views"
import type { AffiliateMemberRequest } from "../../../../../../utils/middlewares/require-affiliate-member"

export { AUTHENTICATE } from "../../../../authenticates-itself"

export const POST = async (
  req: AffiliateMemberRequest,
  res: MedusaResponse<StoreConversationResponse>
) => {
  const member = req.affiliate_member
  await markMemberConversationReadWorkflow(req.scope).run({
    input: { conversation_id: req.params.id, member },
  })
  res.json({ conversation: await memberConversationView(req.scope, req.params.id, member) })
}
