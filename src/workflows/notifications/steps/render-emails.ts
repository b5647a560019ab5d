import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import {
  AffiliateInviteEmailProps,
  NewMessageEmailProps,
  renderAffiliateInviteEmail,
  renderNewMessageEmail,
} from "../../../emails"

/** One email per recipient; recipients with the same content share one render. @example const emails = renderNewMessageEmailsStep(propsList) */
export const renderNewMessageEmailsStep = createStep(
  "render-new-message-emails",
  async (propsList: NewMessageEmailProps[]) =>
    new StepResponse(await Promise.all(propsList.map((props) => renderNewMessageEmail(props))))
)

/** @example const email = renderAffiliateInviteEmailStep(props) */
export const renderAffiliateInviteEmailStep = createStep(
  "render-affiliate-invite-email",
  async (props: AffiliateInviteEmailProps) =>
    new StepResponse(await renderAffiliateInviteEmail({ ...props, expiresAt: new Date(props.expiresAt) }))
)
