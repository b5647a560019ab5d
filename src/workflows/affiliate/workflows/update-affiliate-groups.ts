import { emitEventStep } from "@medusajs/medusa/core-flows"
import { WorkflowResponse, createWorkflow, transform } from "@medusajs/framework/workflows-sdk"
import { AffiliateEvents, UpdateAffiliateGroupInput } from "../../../types/affiliate"
import { updateAffiliateGroupsStep } from "../steps"

export type UpdateAffiliateGroupsWorkflowInput = {
  updates: UpdateAffiliateGroupInput[]
}

export const updateAffiliateGroupsWorkflowId = "update-affiliate-groups"

/**
 * Updates affiliate groups, e.g. turns messaging off with a text for
 * affiliates, and emits `affiliate_group.updated` (the live streams tell the
 * group's members whether they may write).
 *
 * @example
 * await updateAffiliateGroupsWorkflow(container).run({
 *   input: { updates: [{ id: "affgrp_123", messaging_enabled: false }] },
 * })
 */
export const updateAffiliateGroupsWorkflow = createWorkflow(
  updateAffiliateGroupsWorkflowId,
  (input: UpdateAffiliateGroupsWorkflowInput) => {
    const groups = updateAffiliateGroupsStep(input.updates)
    emitEventStep({
      eventName: AffiliateEvents.GROUP_UPDATED,
      data: transform({ groups }, ({ groups }) => groups.map((group) => ({ id: group.id }))),
    })
    return new WorkflowResponse(groups)
  }
)
