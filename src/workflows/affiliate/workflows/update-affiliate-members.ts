import {
  WorkflowResponse,
  createWorkflow,
  transform,
} from "@medusajs/framework/workflows-sdk"
import { UpdateAffiliateMemberInput } from "../../../types/affiliate"
import { updateMemberCopiesStep } from "../../messaging/steps"
import { updateAffiliateMembersStep } from "../steps"

export type UpdateAffiliateMembersWorkflowInput = {
  updates: UpdateAffiliateMemberInput[]
}

export const updateAffiliateMembersWorkflowId = "update-affiliate-members"

/**
 * Updates members' own profile fields and email-notification opt-in. Their
 * member threads' copies of name and email are updated in the same workflow.
 *
 * @example
 * await updateAffiliateMembersWorkflow(container).run({
 *   input: { updates: [{ id: "affmem_123", email_notifications: false }] },
 * })
 */
export const updateAffiliateMembersWorkflow = createWorkflow(
  updateAffiliateMembersWorkflowId,
  (input: UpdateAffiliateMembersWorkflowInput) => {
    const members = updateAffiliateMembersStep(input.updates)
    updateMemberCopiesStep(
      transform({ members }, ({ members }) => ({ member_ids: members.map((member) => member.id) }))
    )
    return new WorkflowResponse(members)
  }
)
