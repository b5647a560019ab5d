import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { AffiliateStatus } from "../../../types/affiliate"
import { conflict } from "../../../utils/errors"

/**
 * Declined and suspended teams take no new members: their invites would
 * only create accounts that cannot do anything.
 *
 * @example
 * ensureAffiliateAcceptsMembersStep({ id: "aff_123", status: "active" })
 */
export const ensureAffiliateAcceptsMembersStep = createStep(
  "ensure-affiliate-accepts-members",
  async (affiliate: { id: string; status: AffiliateStatus }) => {
    if (affiliate.status === "declined" || affiliate.status === "suspended") {
      throw conflict(
        `The affiliate is ${affiliate.status}; it cannot take new members`
      )
    }
    return new StepResponse(void 0)
  }
)
