import { emitEventStep } from "@medusajs/medusa/core-flows"
import {
  WorkflowResponse,
  createHook,
  createWorkflow,
  transform,
} from "@medusajs/framework/workflows-sdk"
import { AffiliateEvents, FOUNDING_MEMBER_ROLE } from "../../../types/affiliate"
import {
  createAffiliatesStep,
  resolveDefaultStatusStep,
  resolveSignUpEmailStep,
} from "../steps"
import { createMemberLoginWorkflow } from "./create-member-login"

export type RegisterAffiliateWorkflowInput = {
  auth_identity_id: string
  name: string
  /** Optional: the login's email is used; a different one is refused (400). */
  email?: string | null
  first_name?: string | null
  last_name?: string | null
}

export const registerAffiliateWorkflowId = "register-affiliate"

/**
 * Affiliate sign-up: creates the affiliate team (status per the
 * `autoApproveAffiliates` option), its founding member (role `owner` in the
 * API), and links the auth
 * identity to the member (actor type `affiliate`, actor id = member id).
 * Team and member take the login's email, never another one.
 *
 * @example
 * const { result } = await registerAffiliateWorkflow(container).run({
 *   input: { auth_identity_id: "authid_123", name: "Acme", first_name: "Ann" },
 * })
 *
 * Hook: `affiliateRegistered` ({ affiliate, member, input }) after the team,
 * its founding member and the login link are written.
 */
export const registerAffiliateWorkflow = createWorkflow(
  registerAffiliateWorkflowId,
  (input: RegisterAffiliateWorkflowInput) => {
    const email = resolveSignUpEmailStep({
      auth_identity_id: input.auth_identity_id,
      email: input.email,
    })
    const status = resolveDefaultStatusStep()
    const affiliates = createAffiliatesStep(
      transform({ input, email, status }, ({ input, email, status }) => [
        { name: input.name, email, status },
      ])
    )
    const affiliate = transform({ affiliates }, ({ affiliates }) => affiliates[0])
    const member = createMemberLoginWorkflow.runAsStep({
      input: transform({ input, email, affiliate }, ({ input, email, affiliate }) => ({
        auth_identity_id: input.auth_identity_id,
        member: {
          affiliate_id: affiliate.id,
          email,
          first_name: input.first_name ?? null,
          last_name: input.last_name ?? null,
          role: FOUNDING_MEMBER_ROLE,
        },
      })),
    })
    emitEventStep({
      eventName: AffiliateEvents.AFFILIATE_CREATED,
      data: { id: affiliate.id },
    })
    const affiliateRegistered = createHook("affiliateRegistered", { affiliate, member, input })
    return new WorkflowResponse({ affiliate, member }, { hooks: [affiliateRegistered] })
  }
)
