import { WorkflowResponse, createWorkflow, transform } from "@medusajs/framework/workflows-sdk"
import { enqueueDeliveriesStep } from "../../notifications/steps/enqueue-deliveries"
import { processInboundEmailJob } from "../inbound-jobs"
import { reopenInboundEmailStep } from "../steps"

export const RETRY_INBOUND_EMAIL = "retry-inbound-email"

export const retryInboundEmailWorkflowId = RETRY_INBOUND_EMAIL

/**
 * An admin's retry of a `failed` inbound email: back to `received` and
 * queued again, processed from its stored raw copy (one run: if it fails
 * again it is `failed` again).
 *
 * @example
 * const { result } = await retryInboundEmailWorkflow(container).run({ input: { id: "inem_1" } })
 */
export const retryInboundEmailWorkflow = createWorkflow(retryInboundEmailWorkflowId, (input: { id: string }) => {
  const email = reopenInboundEmailStep(input)
  enqueueDeliveriesStep(transform({ email }, ({ email }) => [processInboundEmailJob(email.id, email.attempts)]))
  return new WorkflowResponse(email)
})
