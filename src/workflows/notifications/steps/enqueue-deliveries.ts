import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { DELIVERY_QUEUE_MODULE } from "../../../modules/delivery-queue"
import type DeliveryQueueService from "../../../modules/delivery-queue/service"
import type { DeliveryJob } from "../../../modules/delivery-queue/types"

/**
 * Puts delivery jobs on the durable queue; a job id already there is not
 * added again, so running this twice sends nothing twice.
 *
 * @example
 * enqueueDeliveriesStep([{ id: "notify-msg_1-batch-0", workflow: "deliver-message-notifications", input }])
 */
export const enqueueDeliveriesStep = createStep(
  "enqueue-deliveries",
  async (jobs: DeliveryJob[], { container }) => {
    const queue = container.resolve<DeliveryQueueService>(DELIVERY_QUEUE_MODULE)
    await queue.enqueue(jobs)
    return new StepResponse(
      jobs.map((job) => job.id),
      jobs.map((job) => job.id)
    )
  },
  async (ids, { container }) => {
    if (!ids?.length) {
      return
    }
    await container.resolve<DeliveryQueueService>(DELIVERY_QUEUE_MODULE).remove(ids)
  }
)
