import { Modules } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { MessagingEvents } from "../../../types/messaging"
import type { ConversationDTO, MessageDTO } from "../../../types/messaging"

/**
 * `affiliate_conversation.created` (a new thread) and
 * `affiliate_message.created`, in one call of the event bus; like
 * Medusa's `emitEventStep`, they are grouped and released only once the
 * workflow has succeeded, and dropped if it fails.
 *
 * @example
 * emitMessageEventsStep({ conversation, created: true, message })
 */
export const emitMessageEventsStep = createStep(
  "emit-message-events",
  async (input: { conversation: ConversationDTO; created: boolean; message: MessageDTO }, context) => {
    const metadata = context.eventGroupId ? { eventGroupId: context.eventGroupId } : {}
    const { conversation, message } = input
    const events: { name: string; data: Record<string, unknown>; metadata: Record<string, unknown> }[] = [
      ...(input.created
        ? [{
            name: MessagingEvents.CONVERSATION_CREATED,
            data: { id: conversation.id, affiliate_id: conversation.affiliate_id, member_id: conversation.member_id },
            metadata,
          }]
        : []),
      {
        name: MessagingEvents.MESSAGE_CREATED,
        data: { id: message.id, conversation_id: message.conversation_id, author_type: message.author_type, source: message.source },
        metadata,
      },
    ]
    await context.container.resolve(Modules.EVENT_BUS).emit(events)
    return new StepResponse(void 0, { eventGroupId: context.eventGroupId, eventNames: events.map((e) => e.name) })
  },
  async (emitted, { container }) => {
    if (!emitted?.eventGroupId) {
      return
    }
    await container.resolve(Modules.EVENT_BUS).clearGroupedEvents(emitted.eventGroupId, { eventNames: emitted.eventNames })
  }
)
