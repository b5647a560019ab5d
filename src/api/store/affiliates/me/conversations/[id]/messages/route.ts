import type { MedusaResponse } from "@medusajs/framework/http"
import type { StoreMessageListResponse, StoreMessageResponse } from "../../../../../../../types/http"
import { sendAffiliateMessageWorkflow } from "../../../../../../../workflows"
import { answerConflicts } from "../../../../../../utils/medusa-seams/answer-conflicts"
import { sentMessageView, storeMessageView } from "../../../../../../utils/message-views"
import type { AffiliateMemberRequest } from "../../../../../../utils/middlewares/require-affiliate-member"
import { messagingService } from "../../../../../../utils/conversation-views"
import { threadPageResponse } from "../../../../../../utils/thread-page-response"
import type {
  MessagePageParamsType,
  SendMessageType,
} from "../../../../../../utils/validators/common"

export { AUTHENTICATE } from "../../../../authenticates-itself"

export const GET = async (
  req: AffiliateMemberRequest,
  res: MedusaResponse<StoreMessageListResponse>
) => {
  const params = req.validatedQuery as MessagePageParamsType
  const page = await messagingService(req.scope).retrieveThreadPage({
    ...params,
    conversation_id: req.params.id,
    reader: req.affiliate_member,
  })
  res.json(threadPageResponse(page, params, storeMessageView))
}

export const POST = answerConflicts(
  async (req: AffiliateMemberRequest<SendMessageType>, res: MedusaResponse<StoreMessageResponse>) => {
    // the reply workflow's work without its nesting: one workflow run (decision 0036)
    const { result } = await sendAffiliateMessageWorkflow(req.scope).run({
      input: {
        ...req.validatedBody,
        conversation_id: req.params.id,
        member_id: req.affiliate_member.id,
        affiliate_id: req.affiliate_member.affiliate_id,
        // the member check read the send's parties already
        parties: { affiliate: req.affiliate_member.affiliate, writer: req.affiliate_member },
      },
    })
    res.json({ message: await sentMessageView(req.scope, result.message, storeMessageView, req.validatedBody.attachment_ids ?? []) })
  }
)
