import { emitEventStep } from "@medusajs/medusa/core-flows"
import {
  WorkflowResponse,
  createWorkflow,
  transform,
} from "@medusajs/framework/workflows-sdk"
import { MessagingEvents } from "../../../types/messaging"
import { loadVisibleConversationStep, setOwnerReadStateStep } from "../steps"

export type SetOwnerReadStateWorkflowInput = {
  conversation_id: string
  user_id: string
  unread: boolean
}

export const setOwnerReadStateWorkflowId = "set-owner-read-state"

/**
 * Marks a conversation read or unread in the owners' shared inbox: read by
 * one admin is read for all. Emits `affiliate_conversation.read` or
 * `.unread` when the state changed.
 *
 * @example
 * await setOwnerReadStateWorkflow(container).run({
 *   input: { conversation_id: "conv_1", user_id: "user_1", unread: true },
 * })
 */
export const setOwnerReadStateWorkflow = createWorkflow(
  setOwnerReadStateWorkflowId,
  (input: SetOwnerReadStateWorkflowInput) => {
    const conversation = loadVisibleConversationStep(
      transform({ input }, ({ input }) => ({ id: input.conversation_id }))
    )
    const changed = setOwnerReadStateStep(
      transform({ input, conversation }, ({ input, conversation }) => ({
        ids: [conversation.id],
        unread: input.unread,
      }))
    )
    emitEventStep(
      transform({ input, changed }, ({ input, changed }) => ({
        eventName: input.unread
          ? MessagingEvents.CONVERSATION_UNREAD
          : MessagingEvents.CONVERSATION_READ,
        data: changed.map((id) => ({ id, reader_type: "owner", reader_id: input.user_id })),
      }))
    )
    return new WorkflowResponse(conversation.id)
  }
)
