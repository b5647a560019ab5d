import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type { IAffiliateModuleService } from "../../../types/affiliate-module"
import { AffiliateStatus } from "../../../types/affiliate"

/**
 * The status of an affiliate created without one: `active` when the plugin
 * option `autoApproveAffiliates` is on, else `pending` until approved.
 *
 * @example
 * const status = resolveDefaultStatusStep()
 */
export const resolveDefaultStatusStep = createStep(
  "resolve-default-status",
  async (_: void, { container }) => {
    const service = container.resolve<IAffiliateModuleService>(AFFILIATE_MODULE)
    const status: AffiliateStatus = service.getOptions().autoApproveAffiliates
      ? "active"
      : "pending"
    return new StepResponse(status)
  }
)
