import {
  WorkflowResponse,
  createWorkflow,
  transform,
} from "@medusajs/framework/workflows-sdk"
import { DELIVER_AFFILIATE_INVITE } from "../delivery-jobs"
import { renderAffiliateInviteEmailStep, sendEmailNotificationsStep } from "../steps"

export type DeliverAffiliateInviteInput = {
  invite_id: string
  email: string
  store_name: string
  affiliate_name: string
  accept_url: string
  expires_at: string
}

/**
 * A delivery job: the invite email with its accept link.
 *
 * @example
 * await deliverAffiliateInviteWorkflow(container).run({ input: job.input })
 */
export const deliverAffiliateInviteWorkflow = createWorkflow(
  DELIVER_AFFILIATE_INVITE,
  (input: DeliverAffiliateInviteInput) => {
    const email = renderAffiliateInviteEmailStep(
      transform({ input }, ({ input }) => ({
        storeName: input.store_name,
        affiliateName: input.affiliate_name,
        acceptUrl: input.accept_url,
        expiresAt: new Date(input.expires_at),
      }))
    )
    sendEmailNotificationsStep(
      transform({ input, email }, ({ input, email }) => [
        {
          to: input.email,
          template: "affiliate-invite",
          email,
          idempotency_key: `invite-${input.invite_id}`,
          data: { invite_id: input.invite_id },
        },
      ])
    )
    return new WorkflowResponse(input.invite_id)
  }
)
