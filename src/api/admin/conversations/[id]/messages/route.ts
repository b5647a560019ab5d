import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import type { MessageListResponse, MessageResponse } from "../../../../../types/http"
import { sendOwnerMessageWorkflow } from "../../../../../workflows"
import { answerConflicts } from "../../../../utils/medusa-seams/answer-conflicts"
import { messagingService } from "../../../../utils/conversation-views"
import { threadPageResponse } from "../../../../utils/thread-page-response"
import { ownerMessageView, sentMessageView } from "../../../../utils/message-views"
import type {
  MessagePageParamsType,
  SendMessageType,
} from "../../../../utils/validators/common"

export { AUTHENTICATE } from "../../../authenticates-itself"

export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, MessagePageParamsType>,
  res: MedusaResponse<MessageListResponse>
) => {
  const params = req.validatedQuery as MessagePageParamsType
  const page = await messagingService(req.scope).retrieveThreadPage({ ...params, conversation_id: req.params.id })
  res.json(threadPageResponse(page, params, ownerMessageView))
}

export const POST = answerConflicts(
  async (
    req: AuthenticatedMedusaRequest<SendMessageType>,
    res: MedusaResponse<MessageResponse>
  ) => {
    // the reply workflow's work without its nesting: one workflow run (decision 0036)
    const { result } = await sendOwnerMessageWorkflow(req.scope).run({
      input: {
        ...req.validatedBody,
        conversation_id: req.params.id,
        user_id: req.auth_context.actor_id,
      },
    })
    res.json({ message: await sentMessageView(req.scope, result.message, ownerMessageView, req.validatedBody.attachment_ids ?? []) })
  }
)
