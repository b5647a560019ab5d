import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { DELIVERY_QUEUE_MODULE } from "../../../modules/delivery-queue"
import type DeliveryQueueService from "../../../modules/delivery-queue/service"
import { LIVE_EVENTS_MODULE } from "../../../modules/live-events"
import type LiveEventsModuleService from "../../../modules/live-events/service"
import { copiesNotificationsJob } from "../../notifications/delivery-jobs"

export type AnnouncedMessage = { id: string; conversation_id: string; affiliate_id: string }

/**
 * After a batch commits, what a single send does per message, for the
 * whole batch at once: one recipients job for all its copies (which queues
 * the same delivery jobs an ordinary owner message gets, so the same
 * recipients, templates, reply addresses and per-recipient idempotency)
 * and one insert into the live updates' log. Queueing a batch twice is
 * harmless: the queue ignores a job id it holds. Nothing to undo once sent.
 *
 * @example
 * announceBroadcastMessagesStep({ messages: batch.messages, live: true })
 */
export const announceBroadcastMessagesStep = createStep(
  "announce-broadcast-messages",
  async (input: { messages: AnnouncedMessage[]; live: boolean }, { container }) => {
    if (!input.messages.length) {
      return new StepResponse(0)
    }
    await container
      .resolve<DeliveryQueueService>(DELIVERY_QUEUE_MODULE)
      .enqueue([copiesNotificationsJob(input.messages.map((message) => message.id))])
    if (input.live) {
      await container.resolve<LiveEventsModuleService>(LIVE_EVENTS_MODULE).record(
        input.messages.map((message) => ({
          name: "message.created" as const,
          conversation_id: message.conversation_id,
          affiliate_id: message.affiliate_id,
          member_id: null,
          data: { message_id: message.id, author_type: "owner" },
        }))
      )
    }
    return new StepResponse(input.messages.length)
  }
)
