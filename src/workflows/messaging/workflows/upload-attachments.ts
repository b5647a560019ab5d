import { WorkflowResponse, createWorkflow } from "@medusajs/framework/workflows-sdk"
import { CreateMessageAttachmentsInput, createMessageAttachmentsStep } from "../steps"

/**
 * Records uploads (already streamed into the File Module by the upload
 * route) as unsent attachments of their uploader.
 *
 * @example
 * const { result } = await uploadAttachmentsWorkflow(container).run({
 *   input: { uploader: { type: "affiliate", id: "affmem_1" }, files: [{ file_id, filename: "brief.pdf", mime_type: "application/pdf", size: 1024 }] },
 * })
 */
export const uploadAttachmentsWorkflow = createWorkflow(
  "upload-attachments",
  (input: CreateMessageAttachmentsInput) => {
    return new WorkflowResponse(createMessageAttachmentsStep(input))
  }
)
