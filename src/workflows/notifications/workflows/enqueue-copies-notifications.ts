import { WorkflowResponse, createWorkflow, transform } from "@medusajs/framework/workflows-sdk"
import { ENQUEUE_COPIES_NOTIFICATIONS, messageDeliveryJobs } from "../delivery-jobs"
import { enqueueDeliveriesStep, resolveCopiesRecipientsStep } from "../steps"

export const enqueueCopiesNotificationsWorkflowId = ENQUEUE_COPIES_NOTIFICATIONS

/**
 * The first email job of a broadcast batch: the recipients of all its
 * copies found at once, then the same delivery jobs each copy's own
 * `enqueue-message-notifications` run would queue (same ids, same
 * per-recipient idempotency keys), so a copy queued twice by two runs is
 * emailed once.
 *
 * @example
 * await enqueueCopiesNotificationsWorkflow(container).run({ input: { message_ids: ["msg_1", "msg_2"] } })
 */
export const enqueueCopiesNotificationsWorkflow = createWorkflow(
  enqueueCopiesNotificationsWorkflowId,
  (input: { message_ids: string[] }) => {
    const resolved = resolveCopiesRecipientsStep(input)
    const jobs = transform({ resolved }, ({ resolved }) => resolved.flatMap((copy) => messageDeliveryJobs(copy)))
    return new WorkflowResponse(enqueueDeliveriesStep(jobs))
  }
)
