import {
  WorkflowResponse,
  createWorkflow,
} from "@medusajs/framework/workflows-sdk"
import { syncAffiliateConversationsStep } from "../steps"

/**
 * Brings conversations' copies of affiliate facts (name, email, status,
 * group, manager) up to date; run on `affiliate.updated`.
 *
 * @example
 * await syncAffiliateConversationsWorkflow(container).run({ input: { affiliate_ids: ["aff_1"] } })
 */
export const syncAffiliateConversationsWorkflow = createWorkflow(
  "sync-affiliate-conversations",
  (input: { affiliate_ids: string[] }) => {
    syncAffiliateConversationsStep(input)
    return new WorkflowResponse(input.affiliate_ids)
  }
)
