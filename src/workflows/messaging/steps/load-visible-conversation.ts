import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { retrieveVisibleConversation } from "../../../utils/conversation-visibility"

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
    return new StepResponse(await retrieveVisibleConversation(container, input.id, input.member))
  }
)
