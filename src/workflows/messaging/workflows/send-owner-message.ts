import {
  WorkflowResponse,
  createWorkflow,
  transform,
} from "@medusajs/framework/workflows-sdk"
import {
  ensureOwnerCanWriteStep,
  loadMessagingContextStep,
  resolveAuthorStep,
  validateAttachmentsStep,
} from "../steps"
import { postMessageWorkflow } from "./post-message"

export type SendOwnerMessageWorkflowInput = {
  user_id: string
  affiliate_id: string
  /** A member for a member thread; null or absent for the whole team. */
  member_id?: string | null
  body: string
  attachment_ids?: string[]
}

/**
 * An admin writes to an affiliate team or one member: appends to that
 * audience's thread or starts it. Emits `affiliate_conversation.created`
 * (when started) and `affiliate_message.created` after commit.
 *
 * @example
 * const { result } = await sendOwnerMessageWorkflow(container).run({
 *   input: { user_id: "user_1", affiliate_id: "aff_1", body: "Welcome aboard!" },
 * })
 * // result: { conversation, message, created }
 */
export const sendOwnerMessageWorkflow = createWorkflow(
  "send-owner-message",
  (input: SendOwnerMessageWorkflowInput) => {
    validateAttachmentsStep(
      transform({ input }, ({ input }) => ({
        attachment_ids: input.attachment_ids ?? [],
        uploader: { type: "owner" as const, id: input.user_id },
      }))
    )
    const context = loadMessagingContextStep(
      transform({ input }, ({ input }) => ({
        affiliate_id: input.affiliate_id,
        member_id: input.member_id ?? null,
      }))
    )
    ensureOwnerCanWriteStep(context)
    const author = resolveAuthorStep(
      transform({ input }, ({ input }) => ({ type: "owner" as const, id: input.user_id }))
    )
    const posted = postMessageWorkflow.runAsStep({
      input: transform({ input, context, author }, ({ input, context, author }) => ({
        context,
        author_type: "owner" as const,
        author,
        body: input.body,
        attachment_ids: input.attachment_ids ?? [],
      })),
    })
    return new WorkflowResponse(posted)
  }
)
