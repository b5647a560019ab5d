import { emitEventStep, useQueryGraphStep } from "@medusajs/medusa/core-flows"
import {
  WorkflowResponse,
  createWorkflow,
  transform,
} from "@medusajs/framework/workflows-sdk"
import { AffiliateEvents } from "../../../types/affiliate"
import { updateAffiliateCopiesStep } from "../../messaging/steps"
import { softDeleteAffiliateGroupsStep, updateAffiliatesStep } from "../steps"

export type DeleteAffiliateGroupsWorkflowInput = { ids: string[] }

export const deleteAffiliateGroupsWorkflowId = "delete-affiliate-groups"

/**
 * Deletes affiliate groups. Their affiliates become group-less first, and
 * `affiliate.updated` is emitted for each so the inbox filters follow.
 *
 * @example
 * await deleteAffiliateGroupsWorkflow(container).run({ input: { ids: ["affgrp_123"] } })
 */
export const deleteAffiliateGroupsWorkflow = createWorkflow(
  deleteAffiliateGroupsWorkflowId,
  (input: DeleteAffiliateGroupsWorkflowInput) => {
    const { data: members } = useQueryGraphStep({
      entity: "affiliate",
      fields: ["id"],
      filters: { group_id: input.ids },
    })
    const detached = updateAffiliatesStep(
      transform({ members }, ({ members }) =>
        members.map((affiliate: { id: string }) => ({
          id: affiliate.id,
          group_id: null,
        }))
      )
    )
    updateAffiliateCopiesStep(
      transform({ detached }, ({ detached }) => ({
        affiliate_ids: detached.map((affiliate) => affiliate.id),
      }))
    )
    softDeleteAffiliateGroupsStep(input.ids)
    emitEventStep({
      eventName: AffiliateEvents.AFFILIATE_UPDATED,
      data: transform({ detached }, ({ detached }) =>
        detached.map((affiliate) => ({ id: affiliate.id }))
      ),
    })
    return new WorkflowResponse(input.ids)
  }
)
