import type { MedusaContainer } from "@medusajs/framework/types"
import type { DeliveryJob, JobJournal } from "../../modules/delivery-queue/types"
import { withSentReceipts } from "../../utils/sent-receipts"
import { SEND_BROADCAST } from "../broadcasts/broadcast-jobs"
import { runBroadcast } from "../broadcasts/run-broadcast"
import { PROCESS_INBOUND_EMAIL, ProcessInboundEmailJobInput } from "../inbound-email/inbound-jobs"
import { processInboundEmail } from "../inbound-email/process-inbound-email"
import {
  DELIVER_AFFILIATE_INVITE,
  DELIVER_MESSAGE_NOTIFICATIONS,
  DELIVER_MESSAGE_NOTIFICATION_V1,
  DELIVER_NOTIFICATION_DIGEST,
  ENQUEUE_COPIES_NOTIFICATIONS,
  ENQUEUE_MESSAGE_NOTIFICATIONS,
} from "./delivery-jobs"
import { deliverAffiliateInviteWorkflow } from "./workflows/deliver-affiliate-invite"
import { deliverMessageNotificationsWorkflow } from "./workflows/deliver-message-notifications"
import { deliverNotificationDigestWorkflow } from "./workflows/deliver-notification-digest"
import { enqueueCopiesNotificationsWorkflow } from "./workflows/enqueue-copies-notifications"
import { enqueueMessageNotificationsWorkflow } from "./workflows/enqueue-message-notifications"

const deliveryWorkflows = {
  [ENQUEUE_MESSAGE_NOTIFICATIONS]: enqueueMessageNotificationsWorkflow,
  [ENQUEUE_COPIES_NOTIFICATIONS]: enqueueCopiesNotificationsWorkflow,
  [DELIVER_MESSAGE_NOTIFICATIONS]: deliverMessageNotificationsWorkflow,
  [DELIVER_AFFILIATE_INVITE]: deliverAffiliateInviteWorkflow,
  [DELIVER_NOTIFICATION_DIGEST]: deliverNotificationDigestWorkflow,
} as const

/**
 * Runs one queued delivery; a thrown error makes the queue retry it. The
 * emails it sends are recorded in `journal`, which later runs consult.
 */
export async function runDeliveryJob(container: MedusaContainer, job: DeliveryJob, journal: JobJournal) {
  // replies by email share the durable queue: they need its retries, not its sent-email receipts
  if (job.workflow === PROCESS_INBOUND_EMAIL) {
    return await processInboundEmail(container, job.input as ProcessInboundEmailJobInput)
  }
  // broadcasts share it too: their runs write copies, the emails are jobs of their own
  if (job.workflow === SEND_BROADCAST) {
    return await runBroadcast(container, job.input as { broadcast_id: string })
  }
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
