import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { MESSAGING_MODULE } from "../../../modules/messaging"
import type { IMessagingModuleService } from "../../../types/messaging-module"
import type { MessagingContext } from "./load-messaging-context"

/**
 * The audience's conversation, created when missing. Concurrent callers
 * meet on the unique index, so one audience never gets two threads. A
 * thread created here is removed again if a later step fails while empty.
 *
 * @example
 * const { conversation, created } = openConversationStep(context)
 */
export const openConversationStep = createStep(
  "open-conversation",
  async (context: MessagingContext, { container }) => {
    const service = container.resolve<IMessagingModuleService>(MESSAGING_MODULE)
    const opened = await service.openConversation({
      audience: context.audience,
      affiliate: context.affiliate,
      member: context.member,
    })
    return new StepResponse(opened, opened.created ? opened.conversation.id : undefined)
  },
  async (createdId, { container }) => {
    if (!createdId) {
      return
    }
    await container
      .resolve<IMessagingModuleService>(MESSAGING_MODULE)
      .discardEmptyConversation(createdId)
  }
)
