import { emitEventStep } from "@medusajs/medusa/core-flows"
import { WorkflowResponse, createWorkflow, transform, when } from "@medusajs/framework/workflows-sdk"
import { InboundEmailEvents } from "../../../types/inbound-email"
import { InboundEmailOutcome, updateInboundEmailStep } from "../steps"

export const FINISH_INBOUND_EMAIL = "finish-inbound-email"

export const finishInboundEmailWorkflowId = FINISH_INBOUND_EMAIL

/**
 * Records the outcome of processing a received email and, when it was
 * refused, emits `affiliate_inbound_email.refused` (`{ id, reason }`).
 *
 * @example
 * await finishInboundEmailWorkflow(container).run({ input: { id: "inem_1", status: "refused", reason: "auto_reply" } })
 */
export const finishInboundEmailWorkflow = createWorkflow(finishInboundEmailWorkflowId, (input: InboundEmailOutcome) => {
  const updated = updateInboundEmailStep(input)
  when({ input }, ({ input }) => input.status === "refused").then(() => {
    emitEventStep({
      eventName: InboundEmailEvents.REFUSED,
      data: transform({ input }, ({ input }) => ({ id: input.id, reason: input.reason })),
    })
  })
  return new WorkflowResponse(updated)
})
