import {
  WorkflowResponse,
  createWorkflow,
  transform,
} from "@medusajs/framework/workflows-sdk"
import { loadVisibleConversationStep } from "../steps"
import { sendAffiliateMessageWorkflow } from "./send-affiliate-message"

export type ReplyAsAffiliateWorkflowInput = {
  conversation_id: string
  member: { id: string; affiliate_id: string }
  body: string
  attachment_ids?: string[]
}

/**
 * A member replies in a conversation it can see (404 otherwise).
 *
 * @example
 * await replyAsAffiliateWorkflow(container).run({
 *   input: { conversation_id: "conv_1", member: { id: "affmem_1", affiliate_id: "aff_1" }, body: "Got it" },
 * })
 */
export const replyAsAffiliateWorkflow = createWorkflow(
  "reply-as-affiliate",
  (input: ReplyAsAffiliateWorkflowInput) => {
    const conversation = loadVisibleConversationStep(
      transform({ input }, ({ input }) => ({ id: input.conversation_id, member: input.member }))
    )
    const sent = sendAffiliateMessageWorkflow.runAsStep({
      input: transform({ input, conversation }, ({ input, conversation }) => ({
        member_id: input.member.id,
        affiliate_id: input.member.affiliate_id,
        audience: conversation.member_id ? ("member" as const) : ("team" as const),
        body: input.body,
        attachment_ids: input.attachment_ids,
      })),
    })
    return new WorkflowResponse(sent)
  }
)
