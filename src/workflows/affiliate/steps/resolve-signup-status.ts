import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"
import { AffiliateStatus } from "../../../types/affiliate"

/**
 * Status of a self-signed-up affiliate: `active` when the plugin option
 * `autoApproveAffiliates` is on, else `pending` until an admin approves.
 *
 * @example
 * const status = resolveSignupStatusStep()
 */
export const resolveSignupStatusStep = createStep(
  "resolve-signup-status",
  async (_: void, { container }) => {
    const service = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
    const status: AffiliateStatus = service.getOptions().autoApproveAffiliates
      ? "active"
      : "pending"
    return new StepResponse(status)
  }
)
