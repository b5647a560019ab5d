import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { affiliateWriteRefusal } from "../../../utils/affiliate-write-refusal"
import type { MessagingContext } from "./load-messaging-context"

/**
 * Refuses an affiliate's message when it may not write (messaging disabled
 * 403, suspended 403, declined 409: `affiliateWriteRefusal`).
 *
 * @example
 * ensureAffiliateCanWriteStep(context)
 */
export const ensureAffiliateCanWriteStep = createStep(
  "ensure-affiliate-can-write",
  async (context: MessagingContext) => {
    const refusal = affiliateWriteRefusal(context.settings, context.group, context.affiliate.status)
    if (refusal) {
      throw refusal
    }
    return new StepResponse(void 0)
  }
)
