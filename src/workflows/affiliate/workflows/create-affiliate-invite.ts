import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import {
  WorkflowResponse,
  createWorkflow,
} from "@medusajs/framework/workflows-sdk"
import { createAffiliateInviteStep, ensureAffiliateAcceptsMembersStep } from "../steps"

export type CreateAffiliateInviteWorkflowInput = {
  affiliate_id: string
  email: string
}

/**
 * Invites a person to join an affiliate team. Returns the invite and its
 * one-time token (only its hash is stored); the invite expires in 7 days.
 *
 * @example
 * const { result } = await createAffiliateInviteWorkflow(container).run({
 *   input: { affiliate_id: "aff_123", email: "bo@acme.test" },
 * })
 * // result.token goes into the accept link
 */
export const createAffiliateInviteWorkflow = createWorkflow(
  "create-affiliate-invite",
  (input: CreateAffiliateInviteWorkflowInput) => {
    const { data: affiliate } = useQueryGraphStep({
      entity: "affiliate",
      fields: ["id", "status"],
      filters: { id: input.affiliate_id },
      options: { throwIfKeyNotFound: true, isList: false },
    })
    ensureAffiliateAcceptsMembersStep(affiliate)
    return new WorkflowResponse(createAffiliateInviteStep(input))
  }
)
