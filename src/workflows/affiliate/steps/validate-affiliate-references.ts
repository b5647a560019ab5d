import { MedusaError, Modules } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type { IAffiliateModuleService } from "../../../types/affiliate-module"

export type ValidateAffiliateReferencesInput = {
  group_ids: string[]
  manager_ids: string[]
}

/**
 * Refuses group and manager ids that point at nothing, before anything is written.
 *
 * @example
 * validateAffiliateReferencesStep({ group_ids: ["affgrp_1"], manager_ids: ["user_1"] })
 */
export const validateAffiliateReferencesStep = createStep(
  "validate-affiliate-references",
  async (input: ValidateAffiliateReferencesInput, { container }) => {
    const groupIds = [...new Set(input.group_ids)]
    const managerIds = [...new Set(input.manager_ids)]

    if (groupIds.length) {
      const service =
        container.resolve<IAffiliateModuleService>(AFFILIATE_MODULE)
      const found = await service.listAffiliateGroups(
        { id: groupIds },
        { select: ["id"] }
      )
      assertAllFound("Affiliate group", groupIds, found)
    }
    if (managerIds.length) {
      const users = await container
        .resolve(Modules.USER)
        .listUsers({ id: managerIds }, { select: ["id"] })
      assertAllFound("Manager (admin user)", managerIds, users)
    }
    return new StepResponse(void 0)
  }
)

function assertAllFound(label: string, ids: string[], found: { id: string }[]) {
  const foundIds = new Set(found.map((row) => row.id))
  const missing = ids.filter((id) => !foundIds.has(id))
  if (missing.length) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `${label} with id ${missing.join(", ")} does not exist`
    )
  }
}
