import { emitEventStep } from "@medusajs/medusa/core-flows"
import { WorkflowResponse, createWorkflow, transform, when } from "@medusajs/framework/workflows-sdk"
import { BroadcastEvents } from "../../../types/broadcast"
import { finishBroadcastStep } from "../steps"

export const finishBroadcastWorkflowId = "finish-broadcast"

/**
 * Marks a broadcast `sent` once every recipient is delivered or skipped,
 * and emits `affiliate_broadcast.sent` (once, by the call that marked it).
 *
 * @example
 * await finishBroadcastWorkflow(container).run({ input: { broadcast_id: "bcast_1" } })
 */
export const finishBroadcastWorkflow = createWorkflow(
  finishBroadcastWorkflowId,
  (input: { broadcast_id: string }) => {
    const finished = finishBroadcastStep(input)
    when({ finished }, ({ finished }) => finished).then(() => {
      emitEventStep({
        eventName: BroadcastEvents.SENT,
        data: transform({ input }, ({ input }) => ({ id: input.broadcast_id })),
      })
    })
    return new WorkflowResponse(finished)
  }
)
