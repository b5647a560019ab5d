import { WorkflowResponse, createWorkflow } from "@medusajs/framework/workflows-sdk"
import { enqueueBroadcastRunsStep, startDueBroadcastsStep } from "../steps"

export const startDueBroadcastsWorkflowId = "start-due-broadcasts"

/**
 * Run by the scheduled job and after a broadcast is created or finishes:
 * starts the due scheduled broadcasts (within `broadcastConcurrency`) and
 * hands the stalled sending ones to a new queue job.
 *
 * @example
 * await startDueBroadcastsWorkflow(container).run()
 */
export const startDueBroadcastsWorkflow = createWorkflow(startDueBroadcastsWorkflowId, () => {
  const runs = startDueBroadcastsStep()
  return new WorkflowResponse(enqueueBroadcastRunsStep(runs))
})
