import type { MedusaContainer } from "@medusajs/framework/types"
import type { DeliveryJob, JobJournal } from "../../modules/delivery-queue/types"
import { withSentReceipts } from "../../utils/sent-receipts"
import {
  DELIVER_AFFILIATE_INVITE,
  DELIVER_MESSAGE_NOTIFICATIONS,
  DELIVER_MESSAGE_NOTIFICATION_V1,
  DELIVER_NOTIFICATION_DIGEST,
  ENQUEUE_MESSAGE_NOTIFICATIONS,
} from "./delivery-jobs"
import { deliverAffiliateInviteWorkflow } from "./workflows/deliver-affiliate-invite"
import { deliverMessageNotificationsWorkflow } from "./workflows/deliver-message-notifications"
import { deliverNotificationDigestWorkflow } from "./workflows/deliver-notification-digest"
import { enqueueMessageNotificationsWorkflow } from "./workflows/enqueue-message-notifications"

const deliveryWorkflows = {
  [ENQUEUE_MESSAGE_NOTIFICATIONS]: enqueueMessageNotificationsWorkflow,
  [DELIVER_MESSAGE_NOTIFICATIONS]: deliverMessageNotificationsWorkflow,
  [DELIVER_AFFILIATE_INVITE]: deliverAffiliateInviteWorkflow,
  [DELIVER_NOTIFICATION_DIGEST]: deliverNotificationDigestWorkflow,
} as const

/**
 * Runs one queued delivery; a thrown error makes the queue retry it. The
 * emails it sends are recorded in `journal`, which later runs consult.
 */
export async function runDeliveryJob(container: MedusaContainer, job: DeliveryJob, journal: JobJournal) {
  if (job.workflow === DELIVER_MESSAGE_NOTIFICATION_V1) {
    job = upgradeV1Delivery(job)
  }
  const workflow = deliveryWorkflows[job.workflow as keyof typeof deliveryWorkflows]
  if (!workflow) {
    throw new Error(`Unknown delivery workflow ${job.workflow}`)
  }
  await withSentReceipts(journal, async () => {
    await workflow(container).run({ input: job.input as any })
  })
}

/** A one-recipient job queued before batching, as the batch workflow takes it. */
function upgradeV1Delivery(job: DeliveryJob): DeliveryJob {
  const { recipient, idempotency_key, ...rest } = job.input as Record<string, any>
  return {
    ...job,
    workflow: DELIVER_MESSAGE_NOTIFICATIONS,
    input: { ...rest, deliveries: [{ recipient, idempotency_key }] },
  }
}
