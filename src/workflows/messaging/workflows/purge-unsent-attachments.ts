import { WorkflowResponse, createWorkflow } from "@medusajs/framework/workflows-sdk"
import { purgeUnsentAttachmentsStep } from "../steps"

export const purgeUnsentAttachmentsWorkflowId = "purge-unsent-attachments"

/**
 * Removes uploads that were not sent within 24 hours, with their files.
 *
 * @example
 * const { result: purgedIds } = await purgeUnsentAttachmentsWorkflow(container).run({ input: { batch_size: 500 } })
 */
export const purgeUnsentAttachmentsWorkflow = createWorkflow(
  purgeUnsentAttachmentsWorkflowId,
  (input: { batch_size: number }) => {
    return new WorkflowResponse(purgeUnsentAttachmentsStep(input))
  }
)
