import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { MESSAGING_MODULE } from "../../../modules/messaging"
import type { IMessagingModuleService } from "../../../types/messaging-module"
import type { AttachmentUploader } from "../../../types/messaging"

export type AttachAttachmentsInput = {
  message_id: string
  attachment_ids: string[]
  uploader: AttachmentUploader
}

/**
 * Ties the uploads to the sent message. The conditional update refuses an
 * attachment that another send took meanwhile; undone by detaching.
 *
 * @example
 * attachAttachmentsStep({ message_id: "msg_1", attachment_ids: ["matt_1"], uploader: { type: "owner", id: "user_1" } })
 */
export const attachAttachmentsStep = createStep(
  "attach-attachments",
  async (input: AttachAttachmentsInput, { container }) => {
    await container
      .resolve<IMessagingModuleService>(MESSAGING_MODULE)
      .attachToMessage(input)
    return new StepResponse(void 0, input.attachment_ids)
  },
  async (ids, { container }) => {
    if (!ids?.length) {
      return
    }
    await container.resolve<IMessagingModuleService>(MESSAGING_MODULE).detachFromMessage(ids)
  }
)
