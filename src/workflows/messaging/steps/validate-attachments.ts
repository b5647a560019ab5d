import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { MESSAGING_MODULE } from "../../../modules/messaging"
import type { IMessagingModuleService } from "../../../types/messaging-module"
import {
  ATTACHMENT_SEND_WINDOW_HOURS,
  AttachmentUploader,
} from "../../../types/messaging"

/**
 * An attachment may be sent once, only by its uploader, within 24 hours of
 * uploading. Checked before anything is written, so a refusal writes nothing.
 *
 * @example
 * validateAttachmentsStep({ attachment_ids: ["matt_1"], uploader: { type: "owner", id: "user_1" } })
 */
export const validateAttachmentsStep = createStep(
  "validate-attachments",
  async (input: { attachment_ids: string[]; uploader: AttachmentUploader }, { container }) => {
    await ensureSendableAttachments(container, input)
    return new StepResponse(void 0)
  }
)

/** Throws INVALID_DATA unless every attachment may be sent by `uploader` now (see validateAttachmentsStep). */
export async function ensureSendableAttachments(
  container: Pick<MedusaContainer, "resolve">,
  input: { attachment_ids: string[]; uploader: AttachmentUploader }
): Promise<void> {
  const ids = [...new Set(input.attachment_ids)]
  if (!ids.length) {
    return
  }
  if (ids.length !== input.attachment_ids.length) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "The same attachment was given twice")
  }
  const found = await container.resolve<IMessagingModuleService>(MESSAGING_MODULE).listMessageAttachments({ id: ids })
  const oldest = Date.now() - ATTACHMENT_SEND_WINDOW_HOURS * 60 * 60 * 1000
  for (const id of ids) {
    const attachment = found.find((a) => a.id === id)
    const sendable =
      attachment &&
      !attachment.message_id &&
      attachment.uploader_type === input.uploader.type &&
      attachment.uploader_id === input.uploader.id &&
      new Date(attachment.created_at).getTime() > oldest
    if (!sendable) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Attachment ${id} was not found or cannot be sent: attachments are sent once, by their uploader, within ${ATTACHMENT_SEND_WINDOW_HOURS} hours`
      )
    }
  }
}
