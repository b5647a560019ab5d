import { Modules } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { MESSAGING_MODULE } from "../../../modules/messaging"
import type { IMessagingModuleService } from "../../../types/messaging-module"
import { ATTACHMENT_SEND_WINDOW_HOURS } from "../../../types/messaging"

/**
 * Deletes uploads never sent within 24 hours, files first, then records.
 * Nothing to undo: they could not be sent any more anyway.
 *
 * @example
 * const purged = purgeUnsentAttachmentsStep({ batch_size: 500 })
 */
export const purgeUnsentAttachmentsStep = createStep(
  "purge-unsent-attachments",
  async (input: { batch_size: number }, { container }) => {
    const service = container.resolve<IMessagingModuleService>(MESSAGING_MODULE)
    const cutoff = new Date(Date.now() - ATTACHMENT_SEND_WINDOW_HOURS * 60 * 60 * 1000)
    const stale = await service.listMessageAttachments(
      // a broadcast's uploads stay: each copy's attachments point at their files
      { message_id: null, broadcast_id: null, created_at: { $lt: cutoff } } as any,
      { take: input.batch_size, select: ["id", "file_id"] }
    )
    if (stale.length) {
      await container.resolve(Modules.FILE).deleteFiles(stale.map((a) => a.file_id))
      await service.deleteMessageAttachments(stale.map((a) => a.id))
    }
    return new StepResponse(stale.map((a) => a.id))
  }
)
