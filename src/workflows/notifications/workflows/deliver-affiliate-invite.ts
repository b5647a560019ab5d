import {
  WorkflowResponse,
  createWorkflow,
  transform,
} from "@medusajs/framework/workflows-sdk"
import { DELIVER_AFFILIATE_INVITE } from "../delivery-jobs"
import {
  DeliverAffiliateInviteInput,
  prepareAffiliateInviteEmailStep,
  renderAffiliateInviteEmailsStep,
  sendEmailNotificationsStep,
} from "../steps"

export type { DeliverAffiliateInviteInput } from "../steps"

/**
 * A delivery job: the invite email with its accept link, derived when the
 * email is rendered (the job holds the invite id only).
 *
 * @example
 * await deliverAffiliateInviteWorkflow(container).run({ input: { invite_id: "affinv_1" } })
 */
export const deliverAffiliateInviteWorkflow = createWorkflow(
  DELIVER_AFFILIATE_INVITE,
  (input: DeliverAffiliateInviteInput) => {
    const prepared = prepareAffiliateInviteEmailStep(input)
    const emails = renderAffiliateInviteEmailsStep(
      transform({ prepared }, ({ prepared }) => prepared.map((invite) => invite.props))
    )
    sendEmailNotificationsStep(
      transform({ input, prepared, emails }, ({ input, prepared, emails }) =>
        prepared.map((invite, i) => ({
          to: invite.to,
          template: "affiliate-invite",
          email: emails[i],
          idempotency_key: `invite-${input.invite_id}`,
          data: { invite_id: input.invite_id },
        }))
      )
    )
    return new WorkflowResponse(input.invite_id)
  }
)
