import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import {
  AffiliateInviteEmailProps,
  NewMessageEmailProps,
  renderAffiliateInviteEmail,
  renderNewMessageEmail,
} from "../../../emails"

/** @example const email = renderNewMessageEmailStep(props) */
export const renderNewMessageEmailStep = createStep(
  "render-new-message-email",
  async (props: NewMessageEmailProps) => new StepResponse(await renderNewMessageEmail(props))
)

/** @example const email = renderAffiliateInviteEmailStep(props) */
export const renderAffiliateInviteEmailStep = createStep(
  "render-affiliate-invite-email",
  async (props: AffiliateInviteEmailProps) =>
    new StepResponse(await renderAffiliateInviteEmail({ ...props, expiresAt: new Date(props.expiresAt) }))
)
