import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import type { ConversationResponse } from "../../../types/http"
import { setOwnerReadStateWorkflow } from "../../../workflows"
import { ownerConversationView } from "../../utils/conversation-views"

/** POST …/read and …/unread: the shared owner read state, for every admin at once. */
export const ownerReadStateRoute =
  (unread: boolean) =>
  async (req: AuthenticatedMedusaRequest, res: MedusaResponse<ConversationResponse>) => {
    await setOwnerReadStateWorkflow(req.scope).run({
      input: { conversation_id: req.params.id, user_id: req.auth_context.actor_id, unread },
    })
    res.json({ conversation: await ownerConversationView(req.scope, req.params.id) })
  }
