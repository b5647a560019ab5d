import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import {
  AffiliateInviteEmailProps,
  MessageDigestEmailProps,
  NewMessageEmailProps,
  renderAffiliateInviteEmail,
  renderMessageDigestEmail,
  renderNewMessageEmail,
} from "../../../emails"

/** One email per recipient; recipients with the same content share one render. @example const emails = renderNewMessageEmailsStep(propsList) */
export const renderNewMessageEmailsStep = createStep(
  "render-new-message-emails",
  async (propsList: NewMessageEmailProps[]) =>
    new StepResponse(await Promise.all(propsList.map((props) => renderNewMessageEmail(props))))
)

/** None or one invite email. @example const emails = renderAffiliateInviteEmailsStep(propsList) */
export const renderAffiliateInviteEmailsStep = createStep(
  "render-affiliate-invite-email",
  async (propsList: (Omit<AffiliateInviteEmailProps, "expiresAt"> & { expiresAt: string | Date })[]) =>
    new StepResponse(
      await Promise.all(
        propsList.map((props) => renderAffiliateInviteEmail({ ...props, expiresAt: new Date(props.expiresAt) }))
      )
    )
)

/** None or one digest. @example const emails = renderMessageDigestEmailsStep(propsList) */
export const renderMessageDigestEmailsStep = createStep(
  "render-message-digest-emails",
  async (propsList: MessageDigestEmailProps[]) =>
    new StepResponse(await Promise.all(propsList.map((props) => renderMessageDigestEmail(props))))
)
