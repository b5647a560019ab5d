import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { MESSAGING_MODULE } from "../../../modules/messaging"
import type { IMessagingModuleService } from "../../../types/messaging-module"
import type { AppendMessageInput } from "../../../types/messaging"

/**
 * Appends a message and updates the thread's activity and owner unread
 * state in one transaction. Messages are immutable: the compensation of a
 * failed workflow is the only way one is ever removed.
 *
 * @example
 * const message = appendMessageStep({ conversation_id: "conv_1", author_type: "owner", author_id: "user_1", author_name: "Ann", body: "Hi" })
 */
export const appendMessageStep = createStep(
  "append-message",
  async (input: AppendMessageInput, { container }) => {
    const service = container.resolve<IMessagingModuleService>(MESSAGING_MODULE)
    const { message, previous_owner_unread } = await service.appendMessage(input)
    return new StepResponse(message, {
      message_id: message.id,
      conversation_id: message.conversation_id,
      previous_owner_unread,
    })
  },
  async (appended, { container }) => {
    if (!appended) {
      return
    }
    await container
      .resolve<IMessagingModuleService>(MESSAGING_MODULE)
      .revertAppendedMessage(appended)
  }
)
