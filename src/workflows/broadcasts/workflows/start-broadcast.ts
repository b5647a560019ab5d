import { WorkflowResponse, createWorkflow, transform } from "@medusajs/framework/workflows-sdk"
import type { BroadcastAudience } from "../../../types/broadcast"
import { freezeBroadcastRecipientsStep, resolveBroadcastAudienceStep } from "../steps"

export const startBroadcastWorkflowId = "start-broadcast"

/**
 * The moment a broadcast starts sending: its audience is resolved as it is
 * now and frozen as the recipient list (skipped ones with their reason).
 * A rerun after a crash finds the list frozen and keeps it.
 *
 * @example
 * await startBroadcastWorkflow(container).run({ input: { broadcast_id: "bcast_1", audience } })
 */
export const startBroadcastWorkflow = createWorkflow(
  startBroadcastWorkflowId,
  (input: { broadcast_id: string; audience: BroadcastAudience }) => {
    const members = resolveBroadcastAudienceStep(input.audience)
    return new WorkflowResponse(
      freezeBroadcastRecipientsStep(transform({ input, members }, ({ input, members }) => ({ broadcast_id: input.broadcast_id, members })))
    )
  }
)
