import {
  WorkflowResponse,
  createWorkflow,
} from "@medusajs/framework/workflows-sdk"
import { updateMemberCopiesStep } from "../steps"

export const updateMemberCopiesWorkflowId = "update-member-copies"

/**
 * Brings member threads' copies of their member (name, email) up to date;
 * the migration script that fills threads written before those copies
 * existed runs it.
 *
 * @example
 * await updateMemberCopiesWorkflow(container).run({ input: { member_ids: ["affmem_1"] } })
 */
export const updateMemberCopiesWorkflow = createWorkflow(
  updateMemberCopiesWorkflowId,
  (input: { member_ids: string[] }) => {
    updateMemberCopiesStep(input)
    return new WorkflowResponse(input.member_ids)
  }
)
