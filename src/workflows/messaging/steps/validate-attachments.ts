import { MedusaError } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"

/**
 * Attachment ids are part of every send route's contract. Until uploads
 * exist, no id can name a sendable attachment, so any id is refused.
 *
 * @example
 * validateAttachmentsStep({ attachment_ids: [] })
 */
export const validateAttachmentsStep = createStep(
  "validate-attachments",
  async (input: { attachment_ids: string[] }) => {
    if (input.attachment_ids.length) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Attachment ${input.attachment_ids[0]} was not found or cannot be sent`
      )
    }
    return new StepResponse(void 0)
  }
)
