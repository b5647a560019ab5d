import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { DELIVERY_QUEUE_MODULE } from "../modules/delivery-queue"
import type DeliveryQueueService from "../modules/delivery-queue/service"
import { MessagingEvents } from "../types/messaging"
import { messageNotificationsJob } from "../workflows/notifications/delivery-jobs"

/**
 * A committed message → one durable job that finds its recipients and
 * queues their deliveries. Only the queue is touched here: Medusa's local
 * event bus does not retry a failed subscriber, the queue retries its jobs.
 */
export default async function affiliateMessageCreatedHandler({
  event,
  container,
}: SubscriberArgs<{ id: string }>) {
  await container
    .resolve<DeliveryQueueService>(DELIVERY_QUEUE_MODULE)
    .enqueue([messageNotificationsJob(event.data.id)])
}

export const config: SubscriberConfig = {
  event: MessagingEvents.MESSAGE_CREATED,
}
