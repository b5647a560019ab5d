import { WorkflowResponse, createWorkflow } from "@medusajs/framework/workflows-sdk"
import { cancelBroadcastStep } from "../steps"

export const cancelBroadcastWorkflowId = "cancel-broadcast"

/**
 * Cancels a scheduled or sending broadcast; the copies already delivered
 * stay. A sent broadcast is 409, an unknown one 404.
 *
 * @example
 * await cancelBroadcastWorkflow(container).run({ input: { id: "bcast_1" } })
 */
export const cancelBroadcastWorkflow = createWorkflow(cancelBroadcastWorkflowId, (input: { id: string }) => {
  return new WorkflowResponse(cancelBroadcastStep(input))
})
