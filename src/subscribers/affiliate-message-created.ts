import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { MessagingEvents } from "../types/messaging"
import { enqueueMessageNotificationsWorkflow } from "../workflows/notifications/workflows/enqueue-message-notifications"

/** A committed message → its email deliveries on the durable queue. */
export default async function affiliateMessageCreatedHandler({
  event,
  container,
}: SubscriberArgs<{ id: string }>) {
  await enqueueMessageNotificationsWorkflow(container).run({
    input: { message_id: event.data.id },
  })
}

export const config: SubscriberConfig = {
  event: MessagingEvents.MESSAGE_CREATED,
}
