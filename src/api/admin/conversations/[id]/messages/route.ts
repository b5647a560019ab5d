import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import type { MessageListResponse, MessageResponse } from "../../../../../types/http"
import { replyAsOwnerWorkflow } from "../../../../../workflows"
import { answerConflicts } from "../../../../utils/medusa-seams/answer-conflicts"
import { listThreadPage } from "../../../../utils/thread-page"
import { ownerMessageView, sentMessageView } from "../../../../utils/messaging-views"
import type {
  MessagePageParamsType,
  SendMessageType,
} from "../../../../utils/common-validators"

export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, MessagePageParamsType>,
  res: MedusaResponse<MessageListResponse>
) => {
  res.json(
    await listThreadPage(req.scope, req.params.id, req.validatedQuery as MessagePageParamsType, ownerMessageView)
  )
}

export const POST = answerConflicts(
  async (
    req: AuthenticatedMedusaRequest<SendMessageType>,
    res: MedusaResponse<MessageResponse>
  ) => {
    const { result } = await replyAsOwnerWorkflow(req.scope).run({
      input: {
        ...req.validatedBody,
        conversation_id: req.params.id,
        user_id: req.auth_context.actor_id,
      },
    })
    res.json({ message: await sentMessageView(req.scope, result.message, ownerMessageView) })
  }
)
