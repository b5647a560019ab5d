import { emitEventStep } from "@medusajs/medusa/core-flows"
import {
  WorkflowResponse,
  createWorkflow,
  transform,
} from "@medusajs/framework/workflows-sdk"
import { AffiliateEvents, UpdateAffiliateInput } from "../../../types/affiliate"
import { updateAffiliateCopiesStep } from "../../messaging/steps"
import { updateAffiliatesStep, validateAffiliateReferencesStep } from "../steps"
import { referencesOf } from "./references-of"

export type UpdateAffiliatesWorkflowInput = { updates: UpdateAffiliateInput[] }

export const updateAffiliatesWorkflowId = "update-affiliates"

/**
 * Updates affiliates (status, group, manager, name, email, metadata) and emits
 * `affiliate.updated`. Conversations' copies of the affiliate's facts (the
 * inbox filter fields) are updated in the same workflow.
 *
 * @example
 * await updateAffiliatesWorkflow(container).run({
 *   input: { updates: [{ id: "aff_123", status: "suspended" }] },
 * })
 */
export const updateAffiliatesWorkflow = createWorkflow(
  updateAffiliatesWorkflowId,
  (input: UpdateAffiliatesWorkflowInput) => {
    validateAffiliateReferencesStep(
      transform({ input }, ({ input }) => referencesOf(input.updates))
    )
    const affiliates = updateAffiliatesStep(input.updates)
    // in the same workflow, so the change reaches the inbox filters at once
    updateAffiliateCopiesStep(
      transform({ affiliates }, ({ affiliates }) => ({
        affiliate_ids: affiliates.map((affiliate) => affiliate.id),
      }))
    )
    emitEventStep({
      eventName: AffiliateEvents.AFFILIATE_UPDATED,
      data: transform({ affiliates }, ({ affiliates }) =>
        affiliates.map((affiliate) => ({ id: affiliate.id }))
      ),
    })
    return new WorkflowResponse(affiliates)
  }
)
