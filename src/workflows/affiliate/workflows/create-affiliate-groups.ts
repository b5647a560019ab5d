import { WorkflowResponse, createWorkflow } from "@medusajs/framework/workflows-sdk"
import { CreateAffiliateGroupInput } from "../../../types/affiliate"
import { createAffiliateGroupsStep } from "../steps"

export type CreateAffiliateGroupsWorkflowInput = {
  groups: CreateAffiliateGroupInput[]
}

export const createAffiliateGroupsWorkflowId = "create-affiliate-groups"

/**
 * Creates affiliate groups; messaging is enabled in a new group unless said otherwise.
 *
 * @example
 * await createAffiliateGroupsWorkflow(container).run({
 *   input: { groups: [{ name: "Creators", messaging_enabled: false, messaging_disabled_message: "Write to partners@shop.test" }] },
 * })
 */
export const createAffiliateGroupsWorkflow = createWorkflow(
  createAffiliateGroupsWorkflowId,
  (input: CreateAffiliateGroupsWorkflowInput) => {
    return new WorkflowResponse(createAffiliateGroupsStep(input.groups))
  }
)
