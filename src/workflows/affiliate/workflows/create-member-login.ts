import {
  emitEventStep,
  setAuthAppMetadataStep,
} from "@medusajs/medusa/core-flows"
import {
  WorkflowResponse,
  createWorkflow,
  transform,
} from "@medusajs/framework/workflows-sdk"
import {
  AFFILIATE_ACTOR_TYPE,
  AffiliateEvents,
  CreateAffiliateMemberInput,
} from "../../../types/affiliate"
import { createAffiliateMembersStep } from "../steps"

export type CreateMemberLoginWorkflowInput = {
  auth_identity_id: string
  member: CreateAffiliateMemberInput
}

export const createMemberLoginWorkflowId = "create-member-login"

/**
 * Creates a member and makes an auth identity log in as it (actor type
 * `affiliate`, actor id = member id); emits `affiliate_member.created`.
 * Shared by sign-up and invite acceptance.
 *
 * @example
 * const member = createMemberLoginWorkflow.runAsStep({
 *   input: { auth_identity_id: "authid_1", member: { affiliate_id: "aff_1", email: "bo@acme.test" } },
 * })
 */
export const createMemberLoginWorkflow = createWorkflow(
  createMemberLoginWorkflowId,
  (input: CreateMemberLoginWorkflowInput) => {
    const members = createAffiliateMembersStep(
      transform({ input }, ({ input }) => [input.member])
    )
    const member = transform({ members }, ({ members }) => members[0])
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
    return new WorkflowResponse(member)
  }
)
