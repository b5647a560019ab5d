import { WorkflowResponse, createWorkflow } from "@medusajs/framework/workflows-sdk"
import { purgeRawEmailsStep } from "../steps"

export const PURGE_RAW_EMAILS = "purge-raw-emails"

export const purgeRawEmailsWorkflowId = PURGE_RAW_EMAILS

/**
 * One batch of the raw email purge: copies older than 30 days go, the log
 * keeps its entries. Returns the ids purged (fewer than `batch_size`: done).
 *
 * @example
 * const { result } = await purgeRawEmailsWorkflow(container).run({ input: { batch_size: 500 } })
 */
export const purgeRawEmailsWorkflow = createWorkflow(purgeRawEmailsWorkflowId, (input: { batch_size: number }) => {
  return new WorkflowResponse(purgeRawEmailsStep(input))
})
