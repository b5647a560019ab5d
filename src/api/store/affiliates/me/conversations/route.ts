import type { MedusaResponse } from "@medusajs/framework/http"
import type {
  StoreConversationListResponse,
  StoreConversationWithMessageResponse,
} from "../../../../../types/http"
import { sendAffiliateMessageWorkflow } from "../../../../../workflows"
import { answerConflicts } from "../../../../utils/medusa-seams/answer-conflicts"
import { memberConversationView, messagingService } from "../../../../utils/conversation-views"
import { listUnread, sentMessageView, storeConversationViews, storeMessageView } from "../../../../utils/message-views"
import type { AffiliateMemberRequest } from "../../../../utils/middlewares/require-affiliate-member"
import type {
  StoreCreateConversationType,
  StoreGetConversationsParamsType,
} from "./validators"

export { AUTHENTICATE } from "../../authenticates-itself"

/** The conversations this member can see, newest activity first. */
export const GET = async (
  req: AffiliateMemberRequest,
  res: MedusaResponse<StoreConversationListResponse>
) => {
  const params = req.validatedQuery as StoreGetConversationsParamsType
  const member = req.affiliate_member
  const { conversations, count } = await messagingService(req.scope).listMemberConversations({
    affiliate_id: member.affiliate_id,
    member_id: member.id,
    unread: params.unread,
    limit: params.limit,
    offset: params.offset,
  })
  res.json({
    conversations: storeConversationViews(conversations, listUnread),
    count,
    offset: params.offset,
    limit: params.limit,
  })
}

/** Writes to the owner in the team thread (default) or the member's own; 201 when started. */
export const POST = answerConflicts(
  async (
    req: AffiliateMemberRequest<StoreCreateConversationType>,
    res: MedusaResponse<StoreConversationWithMessageResponse>
  ) => {
    const member = req.affiliate_member
    const { result } = await sendAffiliateMessageWorkflow(req.scope).run({
      // the member check read the send's parties already
      input: { ...req.validatedBody, member_id: member.id, affiliate_id: member.affiliate_id, parties: { affiliate: member.affiliate, writer: member } },
    })
    res.status(result.created ? 201 : 200).json({
      conversation: await memberConversationView(req.scope, result.conversation_id, member),
      message: await sentMessageView(req.scope, result.message, storeMessageView, req.validatedBody.attachment_ids ?? []),
    })
  }
)
