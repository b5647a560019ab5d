import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { DELIVERY_QUEUE_MODULE } from "../../../modules/delivery-queue"
import type DeliveryQueueService from "../../../modules/delivery-queue/service"
import { broadcastJob } from "../broadcast-jobs"

/**
 * Puts one job per broadcast run on the durable queue (BullMQ with Redis,
 * else in process); the job writes the batches. Undone by removing them.
 *
 * @example
 * enqueueBroadcastRunsStep([{ id: "bcast_1", runs: 1 }])
 */
export const enqueueBroadcastRunsStep = createStep(
  "enqueue-broadcast-runs",
  async (runs: { id: string; runs: number }[], { container }) => {
    const jobs = runs.map((run) => broadcastJob(run.id, run.runs))
    await container.resolve<DeliveryQueueService>(DELIVERY_QUEUE_MODULE).enqueue(jobs)
    return new StepResponse(jobs.map((job) => job.id), jobs.map((job) => job.id))
  },
  async (ids, { container }) => {
    if (ids?.length) {
      await container.resolve<DeliveryQueueService>(DELIVERY_QUEUE_MODULE).remove(ids)
    }
  }
)
