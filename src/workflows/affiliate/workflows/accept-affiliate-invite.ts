import {
  emitEventStep,
  setAuthAppMetadataStep,
} from "@medusajs/medusa/core-flows"
import {
  WorkflowResponse,
  createWorkflow,
  transform,
} from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_ACTOR_TYPE, AffiliateEvents } from "../../../types/affiliate"
import {
  createAffiliateMembersStep,
  ensureAffiliateAcceptsMembersStep,
  updateAffiliateInvitesStep,
  validateInviteAcceptanceStep,
} from "../steps"

export type AcceptAffiliateInviteWorkflowInput = {
  token: string
  auth_identity_id: string
  first_name?: string | null
  last_name?: string | null
}

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
  "accept-affiliate-invite",
  (input: AcceptAffiliateInviteWorkflowInput) => {
    const invite = validateInviteAcceptanceStep({
      token: input.token,
      auth_identity_id: input.auth_identity_id,
    })
    ensureAffiliateAcceptsMembersStep(
      transform({ invite }, ({ invite }) => invite.affiliate)
    )
    const members = createAffiliateMembersStep(
      transform({ input, invite }, ({ input, invite }) => [
        {
          affiliate_id: invite.affiliate.id,
          email: invite.email,
          first_name: input.first_name ?? null,
          last_name: input.last_name ?? null,
          role: "member" as const,
        },
      ])
    )
    const member = transform({ members }, ({ members }) => members[0])
    updateAffiliateInvitesStep(
      transform({ invite }, ({ invite }) => [
        { id: invite.id, accepted_at: new Date() },
      ])
    )
    setAuthAppMetadataStep({
      authIdentityId: input.auth_identity_id,
      actorType: AFFILIATE_ACTOR_TYPE,
      value: member.id,
    })
    emitEventStep({
      eventName: AffiliateEvents.MEMBER_CREATED,
      data: transform({ member }, ({ member }) => ({
        id: member.id,
        affiliate_id: member.affiliate_id,
      })),
    })
    const affiliate = transform({ invite }, ({ invite }) => invite.affiliate)
    return new WorkflowResponse({ affiliate, member })
  }
)
