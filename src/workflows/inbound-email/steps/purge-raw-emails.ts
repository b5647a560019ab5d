import { Modules } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { INBOUND_EMAIL_MODULE } from "../../../modules/inbound-email"
import type InboundEmailModuleService from "../../../modules/inbound-email/service"

/** How long the raw copy of a received email is kept (its log entry stays). */
export const RAW_EMAIL_RETENTION_DAYS = 30

/**
 * Deletes the raw copies of emails received more than 30 days ago, files
 * first, then the references. Nothing to undo: a purged copy is gone.
 *
 * @example
 * const purged = purgeRawEmailsStep({ batch_size: 500 })
 */
export const purgeRawEmailsStep = createStep(
  "purge-raw-emails",
  async (input: { batch_size: number }, { container }) => {
    const service = container.resolve<InboundEmailModuleService>(INBOUND_EMAIL_MODULE)
    const cutoff = new Date(Date.now() - RAW_EMAIL_RETENTION_DAYS * 24 * 60 * 60 * 1000)
    const stale = await service.listRawCopiesBefore(cutoff, input.batch_size)
    if (stale.length) {
      await container.resolve(Modules.FILE).deleteFiles(stale.map((email) => email.raw_file_id))
      await service.forgetRawCopies(stale.map((email) => email.id))
    }
    return new StepResponse(stale.map((email) => email.id))
  }
)
