import {
  WorkflowResponse,
  createWorkflow,
  transform,
} from "@medusajs/framework/workflows-sdk"
import { ENQUEUE_MESSAGE_NOTIFICATIONS, messageDeliveryJobs } from "../delivery-jobs"
import { enqueueDeliveriesStep, resolveMessageRecipientsStep } from "../steps"

export const enqueueMessageNotificationsWorkflowId = ENQUEUE_MESSAGE_NOTIFICATIONS

/**
 * Runs after `affiliate_message.created`: one durable delivery job per
 * recipient. The request that created the message has already answered.
 *
 * @example
 * await enqueueMessageNotificationsWorkflow(container).run({ input: { message_id: "msg_1" } })
 */
export const enqueueMessageNotificationsWorkflow = createWorkflow(
  enqueueMessageNotificationsWorkflowId,
  (input: { message_id: string }) => {
    const resolved = resolveMessageRecipientsStep(input)
    const jobs = transform({ resolved }, ({ resolved }) => messageDeliveryJobs(resolved))
    return new WorkflowResponse(enqueueDeliveriesStep(jobs))
  }
)
