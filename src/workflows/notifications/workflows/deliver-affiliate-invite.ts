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

export const deliverAffiliateInviteWorkflowId = DELIVER_AFFILIATE_INVITE

/**
 * A delivery job: the invite email with its accept link, derived when the
 * email is rendered (the job holds the invite id only).
 *
 * @example
 * await deliverAffiliateInviteWorkflow(container).run({ input: { invite_id: "affinv_1" } })
 */
export const deliverAffiliateInviteWorkflow = createWorkflow(
  deliverAffiliateInviteWorkflowId,
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
          // not a thread, nothing to reply to: the Message-ID keeps its receipt form
          headers: { message_id: `<invite-${input.invite_id}@affiliate-messaging>` },
        }))
      )
    )
    return new WorkflowResponse(input.invite_id)
  }
)
