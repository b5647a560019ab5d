import { WorkflowResponse, createWorkflow } from "@medusajs/framework/workflows-sdk"
import { CreateMessageAttachmentsInput, createMessageAttachmentsStep, ensureUploaderCanUploadStep } from "../steps"

export const uploadAttachmentsWorkflowId = "upload-attachments"

/**
 * Records uploads (already streamed into the File Module by the upload
 * route) as unsent attachments of their uploader, if it still may upload
 * (the route checked before reading the files; this is the rule at commit).
 *
 * @example
 * const { result } = await uploadAttachmentsWorkflow(container).run({
 *   input: { uploader: { type: "affiliate", id: "affmem_1" }, files: [{ file_id, filename: "brief.pdf", mime_type: "application/pdf", size: 1024 }] },
 * })
 */
export const uploadAttachmentsWorkflow = createWorkflow(
  uploadAttachmentsWorkflowId,
  (input: CreateMessageAttachmentsInput) => {
    ensureUploaderCanUploadStep(input.uploader)
    return new WorkflowResponse(createMessageAttachmentsStep(input))
  }
)
