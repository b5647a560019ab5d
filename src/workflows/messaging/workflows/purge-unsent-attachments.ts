import { WorkflowResponse, createWorkflow } from "@medusajs/framework/workflows-sdk"
import { purgeUnsentAttachmentsStep } from "../steps"

/**
 * Removes uploads that were not sent within 24 hours, with their files.
 *
 * @example
 * const { result: purgedIds } = await purgeUnsentAttachmentsWorkflow(container).run({ input: { batch_size: 500 } })
 */
export const purgeUnsentAttachmentsWorkflow = createWorkflow(
  "purge-unsent-attachments",
  (input: { batch_size: number }) => {
    return new WorkflowResponse(purgeUnsentAttachmentsStep(input))
  }
)
