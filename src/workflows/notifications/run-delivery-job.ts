import type { MedusaContainer } from "@medusajs/framework/types"
import type { DeliveryJob } from "../../modules/delivery-queue/types"
import { DELIVER_AFFILIATE_INVITE, DELIVER_MESSAGE_NOTIFICATION } from "./delivery-jobs"
import { deliverAffiliateInviteWorkflow } from "./workflows/deliver-affiliate-invite"
import { deliverMessageNotificationWorkflow } from "./workflows/deliver-message-notification"

const deliveryWorkflows = {
  [DELIVER_MESSAGE_NOTIFICATION]: deliverMessageNotificationWorkflow,
  [DELIVER_AFFILIATE_INVITE]: deliverAffiliateInviteWorkflow,
} as const

/** Runs one queued delivery; a thrown error makes the queue retry it. */
export async function runDeliveryJob(container: MedusaContainer, job: DeliveryJob) {
  const workflow = deliveryWorkflows[job.workflow as keyof typeof deliveryWorkflows]
  if (!workflow) {
    throw new Error(`Unknown delivery workflow ${job.workflow}`)
  }
  await workflow(container).run({ input: job.input as any })
}
