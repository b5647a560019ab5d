import {
  WorkflowResponse,
  createWorkflow,
  transform,
} from "@medusajs/framework/workflows-sdk"
import {
  ensureAffiliateCanWriteStep,
  loadMessagingContextStep,
  markMemberReadStep,
  resolveAuthorStep,
  validateAttachmentsStep,
} from "../steps"
import { postMessageWorkflow } from "./post-message"

export type SendAffiliateMessageWorkflowInput = {
  /** The member writing. */
  member_id: string
  affiliate_id: string
  /** The team thread (default) or the member's own thread. */
  audience?: "team" | "member"
  body: string
  attachment_ids?: string[]
}

/**
 * An affiliate member writes to the store owner, in the team thread or its
 * own member thread (started if missing). The thread becomes unread for
 * the owners and read for the writer. Emits the same events as the owner side.
 *
 * @example
 * const { result } = await sendAffiliateMessageWorkflow(container).run({
 *   input: { member_id: "affmem_1", affiliate_id: "aff_1", body: "When is the payout?" },
 * })
 */
export const sendAffiliateMessageWorkflow = createWorkflow(
  "send-affiliate-message",
  (input: SendAffiliateMessageWorkflowInput) => {
    validateAttachmentsStep(
      transform({ input }, ({ input }) => ({
        attachment_ids: input.attachment_ids ?? [],
        uploader: { type: "affiliate" as const, id: input.member_id },
      }))
    )
    const context = loadMessagingContextStep(
      transform({ input }, ({ input }) => ({
        affiliate_id: input.affiliate_id,
        member_id: input.audience === "member" ? input.member_id : null,
      }))
    )
    ensureAffiliateCanWriteStep(context)
    const author = resolveAuthorStep(
      transform({ input }, ({ input }) => ({ type: "affiliate" as const, id: input.member_id }))
    )
    const posted = postMessageWorkflow.runAsStep({
      input: transform({ input, context, author }, ({ input, context, author }) => ({
        context,
        author_type: "affiliate" as const,
        author,
        body: input.body,
        attachment_ids: input.attachment_ids ?? [],
      })),
    })
    markMemberReadStep(
      transform({ input, posted }, ({ input, posted }) => ({
        conversation_id: posted.conversation_id,
        member_id: input.member_id,
        up_to_message_id: posted.message.id,
      }))
    )
    return new WorkflowResponse(posted)
  }
)
