import { MedusaError } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { MESSAGING_MODULE } from "../../../modules/messaging"
import type MessagingModuleService from "../../../modules/messaging/service"
import type { ConversationDTO } from "../../../types/messaging"
import { isVisibleToMember } from "../../../utils/conversation-visibility"

export type LoadVisibleConversationInput = {
  id: string
  /** Omitted for admins, who see every conversation. */
  member?: { id: string; affiliate_id: string }
}

/**
 * A conversation the caller may see. Anything else answers 404, never 403,
 * so callers cannot learn that it exists.
 *
 * @example
 * const conversation = loadVisibleConversationStep({ id: "conv_1", member: { id: "affmem_1", affiliate_id: "aff_1" } })
 */
export const loadVisibleConversationStep = createStep(
  "load-visible-conversation",
  async (input: LoadVisibleConversationInput, { container }) => {
    const service = container.resolve<MessagingModuleService>(MESSAGING_MODULE)
    const [conversation] = (await service.listConversations(
      { id: input.id },
      { take: 1 }
    )) as ConversationDTO[]
    if (!conversation || (input.member && !isVisibleToMember(conversation, input.member))) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Conversation ${input.id} was not found`
      )
    }
    return new StepResponse(conversation)
  }
)
