import {
  WorkflowResponse,
  createWorkflow,
  transform,
} from "@medusajs/framework/workflows-sdk"
import type { MessageSource } from "../../../types/messaging"
import { sendAffiliateMessageWorkflow } from "./send-affiliate-message"

export type ReplyAsAffiliateWorkflowInput = {
  conversation_id: string
  member: { id: string; affiliate_id: string }
  body: string
  attachment_ids?: string[]
  /** "app" unless given; replies by email pass "email". */
  source?: MessageSource
}

export const replyAsAffiliateWorkflowId = "reply-as-affiliate"

/**
 * A member replies in a conversation it can see (404 otherwise):
 * `sendAffiliateMessageWorkflow` with the conversation (the HTTP route runs
 * that one directly, one workflow less).
 *
 * @example
 * await replyAsAffiliateWorkflow(container).run({
 *   input: { conversation_id: "conv_1", member: { id: "affmem_1", affiliate_id: "aff_1" }, body: "Got it" },
 * })
 */
export const replyAsAffiliateWorkflow = createWorkflow(
  replyAsAffiliateWorkflowId,
  (input: ReplyAsAffiliateWorkflowInput) => {
    const sent = sendAffiliateMessageWorkflow.runAsStep({
      input: transform({ input }, ({ input }) => ({
        member_id: input.member.id,
        affiliate_id: input.member.affiliate_id,
        conversation_id: input.conversation_id,
        body: input.body,
        attachment_ids: input.attachment_ids,
        source: input.source,
      })),
    })
    return new WorkflowResponse(sent)
  }
)
