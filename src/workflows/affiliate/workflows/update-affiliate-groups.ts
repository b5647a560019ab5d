import { WorkflowResponse, createWorkflow } from "@medusajs/framework/workflows-sdk"
import { UpdateAffiliateGroupInput } from "../../../types/affiliate"
import { updateAffiliateGroupsStep } from "../steps"

export type UpdateAffiliateGroupsWorkflowInput = {
  updates: UpdateAffiliateGroupInput[]
}

/**
 * Updates affiliate groups, e.g. turns messaging off with a text for affiliates.
 *
 * @example
 * await updateAffiliateGroupsWorkflow(container).run({
 *   input: { updates: [{ id: "affgrp_123", messaging_enabled: false }] },
 * })
 */
export const updateAffiliateGroupsWorkflow = createWorkflow(
  "update-affiliate-groups",
  (input: UpdateAffiliateGroupsWorkflowInput) => {
    return new WorkflowResponse(updateAffiliateGroupsStep(input.updates))
  }
)
