import { MedusaError } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type { IAffiliateModuleService } from "../../../types/affiliate-module"
import { MESSAGING_MODULE } from "../../../modules/messaging"
import type { IMessagingModuleService } from "../../../types/messaging-module"
import type { AttachmentUploader } from "../../../types/messaging"
import { affiliateUploadRefusal } from "../../../utils/affiliate-write-refusal"

/**
 * Refuses an affiliate's upload when it may not upload
 * (`affiliateUploadRefusal`: as for writing, and pending affiliates only
 * with `allowPendingUploads`). Read again when the files are recorded: an
 * upload streams for minutes, and the affiliate may be suspended meanwhile.
 * Admin users always may.
 *
 * @example
 * ensureUploaderCanUploadStep({ type: "affiliate", id: "affmem_1" })
 */
export const ensureUploaderCanUploadStep = createStep(
  "ensure-uploader-can-upload",
  async (uploader: AttachmentUploader, { container }) => {
    if (uploader.type !== "affiliate") {
      return new StepResponse(void 0)
    }
    const messaging = container.resolve<IMessagingModuleService>(MESSAGING_MODULE)
    const [member, settings] = await Promise.all([
      container.resolve<IAffiliateModuleService>(AFFILIATE_MODULE).retrieveMemberAccess(uploader.id),
      messaging.retrieveSettings(),
    ])
    if (!member) {
      throw new MedusaError(MedusaError.Types.FORBIDDEN, "This account is no longer an affiliate member")
    }
    const refusal = affiliateUploadRefusal(
      settings,
      member.affiliate.group,
      member.affiliate.status,
      messaging.getOptions().allowPendingUploads
    )
    if (refusal) {
      throw refusal
    }
    return new StepResponse(void 0)
  }
)
