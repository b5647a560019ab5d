import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import {
  WorkflowResponse,
  createWorkflow,
  transform,
} from "@medusajs/framework/workflows-sdk"
import { DELIVER_AFFILIATE_INVITE } from "../../notifications/delivery-jobs"
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

/**
 * Invites a person to join an affiliate team and emails the accept link.
 * The token exists in clear only in the link (the invite stores its hash);
 * the invite expires in 7 days.
 *
 * @example
 * const { result } = await createAffiliateInviteWorkflow(container).run({
 *   input: { affiliate_id: "aff_123", email: "bo@acme.test" },
 * })
 * // result: { invite, accept_url }
 */
export const createAffiliateInviteWorkflow = createWorkflow(
  "create-affiliate-invite",
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
    enqueueDeliveriesStep(
      transform({ created, link, affiliate }, ({ created, link, affiliate }) => [
        {
          id: `invite-${created.invite.id}`,
          workflow: DELIVER_AFFILIATE_INVITE,
          input: {
            invite_id: created.invite.id,
            email: created.invite.email,
            store_name: link.store_name,
            affiliate_name: affiliate.name,
            accept_url: link.accept_url,
            expires_at: new Date(created.invite.expires_at).toISOString(),
          },
        },
      ])
    )
    return new WorkflowResponse(
      transform({ created, link }, ({ created, link }) => ({
        invite: created.invite,
        accept_url: link.accept_url,
      }))
    )
  }
)
