import { Modules } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { MESSAGING_MODULE } from "../../../modules/messaging"
import type { IMessagingModuleService } from "../../../types/messaging-module"
import type { AttachmentUploader } from "../../../types/messaging"

export type CreateMessageAttachmentsInput = {
  uploader: AttachmentUploader
  files: { file_id: string; filename: string; mime_type: string; size: number }[]
}

/**
 * Records files already streamed into the File Module as unsent
 * attachments. If a later step fails, the records and their files go.
 *
 * @example
 * const attachments = createMessageAttachmentsStep({ uploader: { type: "owner", id: "user_1" }, files })
 */
export const createMessageAttachmentsStep = createStep(
  "create-message-attachments",
  async (input: CreateMessageAttachmentsInput, { container }) => {
    const created = await container
      .resolve<IMessagingModuleService>(MESSAGING_MODULE)
      .createMessageAttachments(
        input.files.map((file) => ({
          ...file,
          uploader_type: input.uploader.type,
          uploader_id: input.uploader.id,
        }))
      )
    return new StepResponse(created, created)
  },
  async (created, { container }) => {
    if (!created?.length) {
      return
    }
    await container
      .resolve<IMessagingModuleService>(MESSAGING_MODULE)
      .deleteMessageAttachments(created.map((a) => a.id))
    await container.resolve(Modules.FILE).deleteFiles(created.map((a) => a.file_id))
  }
)
