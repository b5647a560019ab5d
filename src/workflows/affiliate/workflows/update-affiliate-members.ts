import {
  WorkflowResponse,
  createWorkflow,
  transform,
} from "@medusajs/framework/workflows-sdk"
import { UpdateAffiliateMemberInput } from "../../../types/affiliate"
import { syncMemberConversationsStep } from "../../messaging/steps"
import { updateAffiliateMembersStep } from "../steps"

export type UpdateAffiliateMembersWorkflowInput = {
  updates: UpdateAffiliateMemberInput[]
}

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
  "update-affiliate-members",
  (input: UpdateAffiliateMembersWorkflowInput) => {
    const members = updateAffiliateMembersStep(input.updates)
    syncMemberConversationsStep(
      transform({ members }, ({ members }) => ({ member_ids: members.map((member) => member.id) }))
    )
    return new WorkflowResponse(members)
  }
)
