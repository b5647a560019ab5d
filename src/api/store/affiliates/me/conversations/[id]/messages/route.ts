import type { MedusaResponse } from "@medusajs/framework/http"
import type { StoreMessageListResponse, StoreMessageResponse } from "../../../../../../../types/http"
import { replyAsAffiliateWorkflow } from "../../../../../../../workflows"
import { answerConflicts } from "../../../../../../utils/medusa-seams/answer-conflicts"
import { sentMessageView, storeMessageView } from "../../../../../../utils/messaging-views"
import type { AffiliateMemberRequest } from "../../../../../../utils/require-affiliate-member"
import { listThreadPage } from "../../../../../../utils/thread-page"
import type {
  MessagePageParamsType,
  SendMessageType,
} from "../../../../../../utils/common-validators"

export { AUTHENTICATE } from "../../../../authenticates-itself"

export const GET = async (
  req: AffiliateMemberRequest,
  res: MedusaResponse<StoreMessageListResponse>
) => {
  res.json(
    await listThreadPage(
      req.scope,
      req.params.id,
      req.validatedQuery as MessagePageParamsType,
      storeMessageView,
      req.affiliate_member
    )
  )
}

export const POST = answerConflicts(
  async (req: AffiliateMemberRequest<SendMessageType>, res: MedusaResponse<StoreMessageResponse>) => {
    const { result } = await replyAsAffiliateWorkflow(req.scope).run({
      input: { ...req.validatedBody, conversation_id: req.params.id, member: req.affiliate_member },
    })
    res.json({ message: await sentMessageView(req.scope, result.message, storeMessageView) })
  }
)
