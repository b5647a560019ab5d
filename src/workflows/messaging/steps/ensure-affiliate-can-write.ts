import { MedusaError } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { conflict } from "../../../utils/errors"
import { messagingAvailability } from "../../../utils/messaging-availability"
import type { MessagingContext } from "./load-messaging-context"

/**
 * Affiliates may write while pending or active and while messaging is
 * enabled for them. Messaging disabled: 403 with the owner's text for their
 * group; declined: 409 (the contract's "state forbids it", as on the owner
 * side); suspended: 403, like every store route for such members.
 *
 * @example
 * ensureAffiliateCanWriteStep(context)
 */
export const ensureAffiliateCanWriteStep = createStep(
  "ensure-affiliate-can-write",
  async (context: MessagingContext) => {
    const availability = messagingAvailability(context.settings, context.group)
    if (!availability.enabled) {
      throw new MedusaError(MedusaError.Types.FORBIDDEN, availability.disabled_message)
    }
    const { status } = context.affiliate
    if (status === "suspended") {
      throw new MedusaError(MedusaError.Types.FORBIDDEN, "This affiliate account is suspended")
    }
    if (status === "declined") {
      throw conflict("This affiliate account is declined; its conversations are read-only")
    }
    return new StepResponse(void 0)
  }
)
