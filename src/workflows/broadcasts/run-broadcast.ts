import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { randomUUID } from "node:crypto"
import { MESSAGING_MODULE } from "../../modules/messaging"
import type { IMessagingModuleService } from "../../types/messaging-module"
import type { BroadcastAudience } from "../../types/broadcast"
import { DELIVERY_QUEUE_MODULE } from "../../modules/delivery-queue"
import type DeliveryQueueService from "../../modules/delivery-queue/service"
import { copiesNotificationsJob } from "../notifications/delivery-jobs"
import { finishBroadcastWorkflow } from "./workflows/finish-broadcast"
import { sendBroadcastBatchWorkflow } from "./workflows/send-broadcast-batch"
import { startBroadcastWorkflow } from "./workflows/start-broadcast"
import { startDueBroadcastsWorkflow } from "./workflows/start-due-broadcasts"

/**
 * The queue job of a broadcast run: takes the broadcast's lease (a second
 * worker on the same broadcast returns at once), freezes the recipient
 * list on the first run, then writes batches of `broadcastBatchSize` until
 * none is pending or the broadcast was cancelled, renewing the lease before
 * each. A later run (a retry, a takeover after a crash) first queues the
 * emails of the copies already written again (the queue ignores the jobs
 * it holds, so only emails lost with a crashed worker are added) and goes
 * on from the last committed batch. Once sent, the next due broadcast starts.
 */
export async function runBroadcast(container: MedusaContainer, input: { broadcast_id: string }): Promise<void> {
  const messaging = container.resolve<IMessagingModuleService>(MESSAGING_MODULE)
  const lease = { broadcast_id: input.broadcast_id, owner: randomUUID(), seconds: messaging.getOptions().broadcastLeaseSeconds }
  if (!(await messaging.leaseBroadcast(lease))) {
    return
  }
  try {
    if (!(await messaging.isBroadcastFrozen(input.broadcast_id))) {
      const [broadcast] = await messaging.listAffiliateBroadcasts({ id: input.broadcast_id }, { select: ["id", "audience"] })
      await startBroadcastWorkflow(container).run({
        input: { broadcast_id: input.broadcast_id, audience: broadcast.audience as BroadcastAudience },
      })
    } else {
      await requeueWrittenCopies(container, messaging, input.broadcast_id)
    }
    const storeName = await storeNameOf(container, messaging)
    const size = messaging.getOptions().broadcastBatchSize
    while (await messaging.leaseBroadcast(lease)) {
      const { result: batch } = await sendBroadcastBatchWorkflow(container).run({
        input: { broadcast_id: input.broadcast_id, size, store_name: storeName },
      })
      if (!batch.sending || batch.claimed === 0) {
        break
      }
    }
    await finishBroadcastWorkflow(container).run({ input: { broadcast_id: input.broadcast_id } })
  } finally {
    await messaging.releaseBroadcastLease(lease)
  }
  // this one no longer counts against `broadcastConcurrency`: the next due one may start
  await startDueBroadcastsWorkflow(container).run()
}

/**
 * The emails of copies written by an earlier run, queued again in one bulk
 * add, a recipients job per batch's worth of copies: the delivery jobs they
 * queue have the ids the first run's had, and the queue ignores ids it
 * holds, so only the emails a crashed worker never queued are sent. (The
 * live updates are not repeated: a stream that missed them refetches on
 * reconnect.)
 */
async function requeueWrittenCopies(container: MedusaContainer, messaging: IMessagingModuleService, broadcastId: string) {
  const ids = await messaging.listBroadcastMessageIds(broadcastId)
  const size = messaging.getOptions().broadcastBatchSize
  const jobs = []
  for (let first = 0; first < ids.length; first += size) {
    jobs.push(copiesNotificationsJob(ids.slice(first, first + size)))
  }
  await container.resolve<DeliveryQueueService>(DELIVERY_QUEUE_MODULE).enqueue(jobs)
}

/**
 * What `{{store.name}}` says: the name the emails sign with, the plugin's
 * `storeName` option, when the store set it; else the store's name in
 * Medusa (Settings → Store); else the option's default.
 */
async function storeNameOf(container: MedusaContainer, messaging: IMessagingModuleService): Promise<string> {
  const configured = messaging.getConfiguredStoreName()
  if (configured) {
    return configured
  }
  try {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({ entity: "store", fields: ["name"], pagination: { take: 1 } })
    const name = (data[0] as { name?: string } | undefined)?.name?.trim()
    if (name) {
      return name
    }
  } catch {
    // a host without the store module
  }
  return messaging.getOptions().storeName
}
