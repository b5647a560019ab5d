import {
  WorkflowResponse,
  createWorkflow,
} from "@medusajs/framework/workflows-sdk"
import { syncMemberConversationsStep } from "../steps"

/**
 * Brings member threads' copies of their member (name, email) up to date;
 * the migration script that fills threads written before those copies
 * existed runs it.
 *
 * @example
 * await syncMemberConversationsWorkflow(container).run({ input: { member_ids: ["affmem_1"] } })
 */
export const syncMemberConversationsWorkflow = createWorkflow(
  "sync-member-conversations",
  (input: { member_ids: string[] }) => {
    syncMemberConversationsStep(input)
    return new WorkflowResponse(input.member_ids)
  }
)
