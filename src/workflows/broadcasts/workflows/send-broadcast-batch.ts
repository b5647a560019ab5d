import { WorkflowResponse, createWorkflow, transform } from "@medusajs/framework/workflows-sdk"
import { announceBroadcastMessagesStep, writeBroadcastBatchStep } from "../steps"

export const sendBroadcastBatchWorkflowId = "send-broadcast-batch"

/**
 * One batch of a sending broadcast: its copies written in one transaction,
 * then their emails queued in bulk and the live updates told in one insert.
 *
 * @example
 * const { result } = await sendBroadcastBatchWorkflow(container).run({
 *   input: { broadcast_id: "bcast_1", size: 500, store_name: "Acme" },
 * })
 * // result: { sending, claimed, messages, skipped }
 */
export const sendBroadcastBatchWorkflow = createWorkflow(
  sendBroadcastBatchWorkflowId,
  (input: { broadcast_id: string; size: number; store_name: string }) => {
    const batch = writeBroadcastBatchStep(input)
    announceBroadcastMessagesStep(transform({ batch }, ({ batch }) => ({ messages: batch.messages, live: true })))
    return new WorkflowResponse(batch)
  }
)
