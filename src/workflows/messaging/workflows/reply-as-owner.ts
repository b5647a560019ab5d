import {
  WorkflowResponse,
  createWorkflow,
  transform,
} from "@medusajs/framework/workflows-sdk"
import type { MessageSource } from "../../../types/messaging"
import { sendOwnerMessageWorkflow } from "./send-owner-message"

export type ReplyAsOwnerWorkflowInput = {
  conversation_id: string
  /** null: the store itself writes (see sendOwnerMessageWorkflow). */
  user_id: string | null
  body: string
  attachment_ids?: string[]
  /** "app" unless given; replies by email pass "email". */
  source?: MessageSource
}

export const replyAsOwnerWorkflowId = "reply-as-owner"

/**
 * An admin replies in an existing conversation (404 if there is none), with
 * the same rules as starting one: `sendOwnerMessageWorkflow` with the
 * conversation (the HTTP route runs that one directly, one workflow less).
 *
 * @example
 * await replyAsOwnerWorkflow(container).run({
 *   input: { conversation_id: "conv_1", user_id: "user_1", body: "Thanks!" },
 * })
 */
export const replyAsOwnerWorkflow = createWorkflow(
  replyAsOwnerWorkflowId,
  (input: ReplyAsOwnerWorkflowInput) => {
    const sent = sendOwnerMessageWorkflow.runAsStep({
      input: transform({ input }, ({ input }) => ({
        user_id: input.user_id,
        conversation_id: input.conversation_id,
        body: input.body,
        attachment_ids: input.attachment_ids,
        source: input.source,
      })),
    })
    return new WorkflowResponse(sent)
  }
)
