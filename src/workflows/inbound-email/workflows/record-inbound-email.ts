import { emitEventStep } from "@medusajs/medusa/core-flows"
import { WorkflowResponse, createWorkflow, transform, when } from "@medusajs/framework/workflows-sdk"
import { InboundEmailEvents, type NewInboundEmail } from "../../../types/inbound-email"
import { enqueueDeliveriesStep } from "../../notifications/steps/enqueue-deliveries"
import { processInboundEmailJob } from "../inbound-jobs"
import { recordInboundEmailStep } from "../steps"

export const RECORD_INBOUND_EMAIL = "record-inbound-email"

export const recordInboundEmailWorkflowId = RECORD_INBOUND_EMAIL

/**
 * Stores a received email and queues its processing; an email refused on
 * arrival (`too_large`) is recorded and `affiliate_inbound_email.refused`
 * emitted instead, and a duplicate is only recorded.
 *
 * @example
 * const { result } = await recordInboundEmailWorkflow(container).run({
 *   input: { transport: "smtp", dedupe_key: "<reply-1@mail.example>", raw_file_id: "inbound-….eml", … },
 * })
 */
export const recordInboundEmailWorkflow = createWorkflow(recordInboundEmailWorkflowId, (input: NewInboundEmail) => {
  const recorded = recordInboundEmailStep(input)
  when({ recorded }, ({ recorded }) => !recorded.duplicate && recorded.email.status === "received").then(() => {
    enqueueDeliveriesStep(
      transform({ recorded }, ({ recorded }) => [processInboundEmailJob(recorded.email.id, recorded.email.attempts)])
    )
  })
  when({ recorded }, ({ recorded }) => recorded.email.status === "refused").then(() => {
    emitEventStep({
      eventName: InboundEmailEvents.REFUSED,
      data: transform({ recorded }, ({ recorded }) => ({ id: recorded.email.id, reason: recorded.email.reason })),
    })
  })
  return new WorkflowResponse(recorded)
})
