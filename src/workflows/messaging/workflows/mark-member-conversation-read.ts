import { emitEventStep } from "@medusajs/medusa/core-flows"
import {
  WorkflowResponse,
  createWorkflow,
  transform,
} from "@medusajs/framework/workflows-sdk"
import { MessagingEvents } from "../../../types/messaging"
import { loadVisibleConversationStep, markMemberReadStep } from "../steps"

export type MarkMemberConversationReadWorkflowInput = {
  conversation_id: string
  member: { id: string; affiliate_id: string }
}

export const markMemberConversationReadWorkflowId = "mark-member-conversation-read"

/**
 * Marks a conversation read for one affiliate member (404 if it cannot see
 * it). Emits `affiliate_conversation.read` when owner messages were unread.
 *
 * @example
 * await markMemberConversationReadWorkflow(container).run({
 *   input: { conversation_id: "conv_1", member: { id: "affmem_1", affiliate_id: "aff_1" } },
 * })
 */
export const markMemberConversationReadWorkflow = createWorkflow(
  markMemberConversationReadWorkflowId,
  (input: MarkMemberConversationReadWorkflowInput) => {
    const conversation = loadVisibleConversationStep(
      transform({ input }, ({ input }) => ({ id: input.conversation_id, member: input.member }))
    )
    const marked = markMemberReadStep(
      transform({ input, conversation }, ({ input, conversation }) => ({
        conversation_id: conversation.id,
        member_id: input.member.id,
      }))
    )
    emitEventStep({
      eventName: MessagingEvents.CONVERSATION_READ,
      data: transform({ input, marked, conversation }, ({ input, marked, conversation }) =>
        marked.was_unread
          ? [{ id: conversation.id, reader_type: "affiliate", reader_id: input.member.id }]
          : []
      ),
    })
    return new WorkflowResponse(conversation.id)
  }
)
