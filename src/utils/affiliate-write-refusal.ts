import { MedusaError } from "@medusajs/framework/utils"
import type { AffiliateStatus } from "../types/affiliate"
import type { MessagingSettingsDTO } from "../types/messaging"
import { conflict } from "./errors"
import { GroupMessagingFlags, messagingAvailability } from "./shared/messaging-availability"

/**
 * Why an affiliate may not write (send or upload), or null when it may:
 * affiliates write while pending or active and while messaging is enabled
 * for them. Messaging disabled: 403 with the owner's text for their group;
 * declined: 409 (the contract's "state forbids it", as on the owner side);
 * suspended: 403, like every store route for such members.
 */
export function affiliateWriteRefusal(
  settings: Pick<MessagingSettingsDTO, "enabled">,
  group: GroupMessagingFlags,
  status: AffiliateStatus
): MedusaError | null {
  const availability = messagingAvailability(settings, group)
  if (!availability.enabled) {
    return new MedusaError(MedusaError.Types.FORBIDDEN, availability.disabled_message)
  }
  if (status === "suspended") {
    return new MedusaError(MedusaError.Types.FORBIDDEN, "This affiliate account is suspended")
  }
  if (status === "declined") {
    return conflict("This affiliate account is declined; its conversations are read-only")
  }
  return null
}

/**
 * Why an affiliate may not upload attachments, or null when it may: as for
 * writing (`affiliateWriteRefusal`), and only once the store approved it
 * (`active`), unless the store lets pending affiliates upload too
 * (`allowPendingUploads`): sign-up is open to anyone, and a pending account
 * must not be a free file host. NOT_ALLOWED, answered 403.
 */
export function affiliateUploadRefusal(
  settings: Pick<MessagingSettingsDTO, "enabled">,
  group: GroupMessagingFlags,
  status: AffiliateStatus,
  allowPendingUploads: boolean
): MedusaError | null {
  const refusal = affiliateWriteRefusal(settings, group, status)
  if (refusal) {
    return refusal
  }
  if (status === "pending" && !allowPendingUploads) {
    return new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      "This affiliate account is waiting for approval: attachments can be uploaded once the store approves it"
    )
  }
  return null
}
