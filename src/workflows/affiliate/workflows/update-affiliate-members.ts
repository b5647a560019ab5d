import {
  WorkflowResponse,
  createWorkflow,
} from "@medusajs/framework/workflows-sdk"
import { UpdateAffiliateMemberInput } from "../../../types/affiliate"
import { updateAffiliateMembersStep } from "../steps"

export type UpdateAffiliateMembersWorkflowInput = {
  updates: UpdateAffiliateMemberInput[]
}

/**
 * Updates members' own profile fields and email-notification opt-in.
 *
 * @example
 * await updateAffiliateMembersWorkflow(container).run({
 *   input: { updates: [{ id: "affmem_123", email_notifications: false }] },
 * })
 */
export const updateAffiliateMembersWorkflow = createWorkflow(
  "update-affiliate-members",
  (input: UpdateAffiliateMembersWorkflowInput) => {
    return new WorkflowResponse(updateAffiliateMembersStep(input.updates))
  }
)
