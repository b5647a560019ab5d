import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import {
  WorkflowResponse,
  createHook,
  createWorkflow,
  transform,
} from "@medusajs/framework/workflows-sdk"
import { affiliateInviteJob } from "../../notifications/delivery-jobs"
import { enqueueDeliveriesStep } from "../../notifications/steps"
import {
  buildInviteLinkStep,
  createAffiliateInviteStep,
  ensureAffiliateAcceptsMembersStep,
} from "../steps"

export type CreateAffiliateInviteWorkflowInput = {
  affiliate_id: string
  email: string
}

export const createAffiliateInviteWorkflowId = "create-affiliate-invite"

/**
 * Invites a person to join an affiliate team and emails the accept link.
 * The token exists in clear only in the link: the invite stores its hash
 * and the salt it is derived from, the queued email job only the invite id
 * (the job derives the link when it renders). The invite expires in 7 days.
 *
 * @example
 * const { result } = await createAffiliateInviteWorkflow(container).run({
 *   input: { affiliate_id: "aff_123", email: "bo@acme.test" },
 * })
 * // result: { invite, accept_url }
 *
 * Hook: `inviteCreated` ({ invite, affiliate }) after the invite is stored
 * and its email queued.
 */
export const createAffiliateInviteWorkflow = createWorkflow(
  createAffiliateInviteWorkflowId,
  (input: CreateAffiliateInviteWorkflowInput) => {
    const { data: affiliate } = useQueryGraphStep({
      entity: "affiliate",
      fields: ["id", "name", "status"],
      filters: { id: input.affiliate_id },
      options: { throwIfKeyNotFound: true, isList: false },
    })
    ensureAffiliateAcceptsMembersStep(affiliate)
    const created = createAffiliateInviteStep(input)
    const link = buildInviteLinkStep(transform({ created }, ({ created }) => ({ token: created.token })))
    // ids only: the job derives the token when it renders the email
    enqueueDeliveriesStep(
      transform({ created }, ({ created }) => [affiliateInviteJob(created.invite.id)])
    )
    const inviteCreated = createHook("inviteCreated", {
      invite: transform({ created }, ({ created }) => created.invite),
      affiliate,
    })
    return new WorkflowResponse(
      transform({ created, link }, ({ created, link }) => ({
        invite: created.invite,
        accept_url: link.accept_url,
      })),
      { hooks: [inviteCreated] }
    )
  }
)
