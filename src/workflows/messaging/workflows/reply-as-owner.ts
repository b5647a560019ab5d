import {
  WorkflowResponse,
  createWorkflow,
  transform,
} from "@medusajs/framework/workflows-sdk"
import { loadVisibleConversationStep } from "../steps"
import { sendOwnerMessageWorkflow } from "./send-owner-message"

export type ReplyAsOwnerWorkflowInput = {
  conversation_id: string
  user_id: string
  body: string
  attachment_ids?: string[]
}

/**
 * An admin replies in an existing conversation (404 if there is none), with
 * the same rules as starting one.
 *
 * @example
 * await replyAsOwnerWorkflow(container).run({
 *   input: { conversation_id: "conv_1", user_id: "user_1", body: "Thanks!" },
 * })
 */
export const replyAsOwnerWorkflow = createWorkflow(
  "reply-as-owner",
  (input: ReplyAsOwnerWorkflowInput) => {
    const conversation = loadVisibleConversationStep(
      transform({ input }, ({ input }) => ({ id: input.conversation_id }))
    )
    const sent = sendOwnerMessageWorkflow.runAsStep({
      input: transform({ input, conversation }, ({ input, conversation }) => ({
        user_id: input.user_id,
        affiliate_id: conversation.affiliate_id,
        member_id: conversation.member_id,
        body: input.body,
        attachment_ids: input.attachment_ids,
      })),
    })
    return new WorkflowResponse(sent)
  }
)
