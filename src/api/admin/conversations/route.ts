import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import type {
  AdminConversationListResponse,
  ConversationWithMessageResponse,
} from "../../../types/http"
import { sendOwnerMessageWorkflow } from "../../../workflows"
import { answerConflicts } from "../../utils/medusa-seams/answer-conflicts"
import { messagingService, ownerConversationView } from "../../utils/conversation-views"
import { listUnread, ownerConversationViews, ownerMessageView, sentMessageView } from "../../utils/message-views"
import { asArray } from "../../utils/validators/as-array"
import type {
  AdminCreateConversationType,
  AdminGetConversationsParamsType,
} from "./validators"

export { AUTHENTICATE } from "../authenticates-itself"

/** The shared inbox, newest activity first; `unread_count` ignores the filters. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGetConversationsParamsType>,
  res: MedusaResponse<AdminConversationListResponse>
) => {
  const params = req.validatedQuery as AdminGetConversationsParamsType
  const { conversations, count, unread_count } = await messagingService(req.scope).listInbox({
    unread: params.unread,
    group_id: asArray(params.group_id),
    manager_id: asArray(params.manager_id),
    affiliate_status: asArray(params.affiliate_status),
    affiliate_id: asArray(params.affiliate_id),
    member_id: asArray(params.member_id),
    broadcast_id: asArray(params.broadcast_id),
    q: params.q || undefined,
    limit: params.limit,
    offset: params.offset,
  })
  res.json({
    conversations: ownerConversationViews(conversations, listUnread),
    count,
    offset: params.offset,
    limit: params.limit,
    unread_count,
  })
}

/** New Message: appends to the audience's thread (200) or starts it (201). */
export const POST = answerConflicts(
  async (
    req: AuthenticatedMedusaRequest<AdminCreateConversationType>,
    res: MedusaResponse<ConversationWithMessageResponse>
  ) => {
    const { result } = await sendOwnerMessageWorkflow(req.scope).run({
      input: { ...req.validatedBody, user_id: req.auth_context.actor_id },
    })
    res.status(result.created ? 201 : 200).json({
      conversation: await ownerConversationView(req.scope, result.conversation_id),
      message: await sentMessageView(req.scope, result.message, ownerMessageView, req.validatedBody.attachment_ids ?? []),
    })
  }
)
