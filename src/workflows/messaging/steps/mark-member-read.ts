import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { MESSAGING_MODULE } from "../../../modules/messaging"
import type { IMessagingModuleService } from "../../../types/messaging-module"

export type MarkMemberReadInput = {
  conversation_id: string
  member_id: string
  /** Read up to this message of the thread (the member's own, just sent) instead of up to now. */
  up_to_message_id?: string
}

/**
 * Moves one member's read mark on a conversation to now, or up to a
 * message. Other members of the team keep their own marks.
 *
 * @example
 * const { was_unread } = markMemberReadStep({ conversation_id: "conv_1", member_id: "affmem_1" })
 */
export const markMemberReadStep = createStep(
  "mark-member-read",
  async (input: MarkMemberReadInput, { container }) => {
    const service = container.resolve<IMessagingModuleService>(MESSAGING_MODULE)
    const result = await service.markMemberRead(input)
    return new StepResponse(result, { ...input, previous_read_at: result.previous_read_at })
  },
  async (previous, { container }) => {
    if (!previous) {
      return
    }
    await container
      .resolve<IMessagingModuleService>(MESSAGING_MODULE)
      .restoreMemberReadState(previous)
  }
)
