import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import type { ConversationResponse } from "../../../../types/http"
import { setOwnerReadStateWorkflow } from "../../../../workflows"
import { ownerConversationView } from "../../../utils/conversation-views"
import type { GetConversationParamsType } from "../../../utils/validators/common"

export { AUTHENTICATE } from "../../authenticates-itself"

/** Opening a thread marks it read for all admins, unless `mark_read=false`. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, GetConversationParamsType>,
  res: MedusaResponse<ConversationResponse>
) => {
  const { mark_read } = req.validatedQuery as GetConversationParamsType
  if (mark_read) {
    await setOwnerReadStateWorkflow(req.scope).run({
      input: { conversation_id: req.params.id, user_id: req.auth_context.actor_id, unread: false },
    })
  }
  res.json({ conversation: await ownerConversationView(req.scope, req.params.id) })
}
