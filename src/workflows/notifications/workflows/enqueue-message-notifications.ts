import {
  WorkflowResponse,
  createWorkflow,
  transform,
  when,
} from "@medusajs/framework/workflows-sdk"
import { ENQUEUE_MESSAGE_NOTIFICATIONS, messageDeliveryJobs, splitFirstDelivery } from "../delivery-jobs"
import type { MessageNotificationInput } from "../steps"
import { enqueueDeliveriesStep, resolveMessageRecipientsStep } from "../steps"
import { deliverMessageNotificationSteps } from "./deliver-message-notifications"

export const enqueueMessageNotificationsWorkflowId = ENQUEUE_MESSAGE_NOTIFICATIONS

/**
 * Runs after `affiliate_message.created`, as the message's first queued
 * job: finds its recipients, emails the first batch of them itself when
 * there is no delay window, and queues a delivery job for every other
 * batch (or one per recipient and window). The request that created the
 * message has already answered. The first batch is emailed before the
 * rest is queued, so a failure retries this job with nothing queued twice;
 * its emails are recorded in this job's journal like any delivery job's
 * (decision 0037). The first batch's steps are those of
 * `deliverMessageNotificationsWorkflow`, composed into this run, and they
 * take the conversation and message this run has just read instead of
 * reading them again.
 *
 * @example
 * await enqueueMessageNotificationsWorkflow(container).run({ input: { message_id: "msg_1" } })
 */
export const enqueueMessageNotificationsWorkflow = createWorkflow(
  enqueueMessageNotificationsWorkflowId,
  (input: { message_id: string }) => {
    const resolved = resolveMessageRecipientsStep(input)
    const split = transform({ resolved }, ({ resolved }) => splitFirstDelivery(messageDeliveryJobs(resolved)))
    when({ split }, ({ split }) => !!split.first).then(() => {
      deliverMessageNotificationSteps(
        transform({ split, resolved }, ({ split, resolved }) => ({
          ...(split.first!.input as MessageNotificationInput),
          read: { conversation: resolved!.conversation, message: resolved!.message },
        }))
      )
    })
    return new WorkflowResponse(enqueueDeliveriesStep(transform({ split }, ({ split }) => split.queued)))
  }
)
