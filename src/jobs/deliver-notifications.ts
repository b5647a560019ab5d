import type { MedusaContainer } from "@medusajs/framework/types"
import { DELIVERY_QUEUE_MODULE } from "../modules/delivery-queue"
import type DeliveryQueueService from "../modules/delivery-queue/service"
import { runDeliveryJob } from "../workflows/notifications/run-delivery-job"

/**
 * Makes this process consume the email delivery queue. Medusa runs
 * scheduled jobs only in `worker` and `shared` processes, which is where
 * deliveries belong; the first run starts the consumer, later runs find it
 * running and return.
 */
export default async function deliverNotificationsJob(container: MedusaContainer) {
  await container
    .resolve<DeliveryQueueService>(DELIVERY_QUEUE_MODULE)
    .startConsuming((job, journal) => runDeliveryJob(container, job, journal))
}

export const config = {
  name: "affiliate-messaging-deliver-notifications",
  schedule: { interval: 5_000 },
}
