import {
  WorkflowResponse,
  createWorkflow,
} from "@medusajs/framework/workflows-sdk"
import { updateAffiliateCopiesStep } from "../steps"

export const updateAffiliateCopiesWorkflowId = "update-affiliate-copies"

/**
 * Brings conversations' copies of affiliate facts (name, email, status,
 * group, manager) up to date; run on `affiliate.updated`.
 *
 * @example
 * await updateAffiliateCopiesWorkflow(container).run({ input: { affiliate_ids: ["aff_1"] } })
 */
export const updateAffiliateCopiesWorkflow = createWorkflow(
  updateAffiliateCopiesWorkflowId,
  (input: { affiliate_ids: string[] }) => {
    updateAffiliateCopiesStep(input)
    return new WorkflowResponse(input.affiliate_ids)
  }
)
