import {
  WorkflowResponse,
  createWorkflow,
  transform,
} from "@medusajs/framework/workflows-sdk"
import {
  ensureAffiliateAcceptsMembersStep,
  updateAffiliateInvitesStep,
  validateInviteAcceptanceStep,
} from "../steps"
import { createMemberLoginWorkflow } from "./create-member-login"

export type AcceptAffiliateInviteWorkflowInput = {
  token: string
  auth_identity_id: string
  first_name?: string | null
  last_name?: string | null
}

export const acceptAffiliateInviteWorkflowId = "accept-affiliate-invite"

/**
 * Accepts an invite: creates the member in the inviting team, marks the
 * invite used, and links the auth identity to the new member.
 *
 * @example
 * const { result } = await acceptAffiliateInviteWorkflow(container).run({
 *   input: { token: "…", auth_identity_id: "authid_123" },
 * })
 */
export const acceptAffiliateInviteWorkflow = createWorkflow(
  acceptAffiliateInviteWorkflowId,
  (input: AcceptAffiliateInviteWorkflowInput) => {
    const invite = validateInviteAcceptanceStep({
      token: input.token,
      auth_identity_id: input.auth_identity_id,
    })
    ensureAffiliateAcceptsMembersStep(
      transform({ invite }, ({ invite }) => invite.affiliate)
    )
    const member = createMemberLoginWorkflow.runAsStep({
      input: transform({ input, invite }, ({ input, invite }) => ({
        auth_identity_id: input.auth_identity_id,
        member: {
          affiliate_id: invite.affiliate.id,
          email: invite.email,
          first_name: input.first_name ?? null,
          last_name: input.last_name ?? null,
          role: "member" as const,
        },
      })),
    })
    updateAffiliateInvitesStep(
      transform({ invite }, ({ invite }) => [
        { id: invite.id, accepted_at: new Date() },
      ])
    )
    const affiliate = transform({ invite }, ({ invite }) => invite.affiliate)
    return new WorkflowResponse({ affiliate, member })
  }
)
