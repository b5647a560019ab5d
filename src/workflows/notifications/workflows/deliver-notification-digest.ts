import {
  WorkflowResponse,
  createWorkflow,
  transform,
} from "@medusajs/framework/workflows-sdk"
import { DELIVER_NOTIFICATION_DIGEST, NotificationDigestInput } from "../delivery-jobs"
import {
  prepareNotificationDigestStep,
  renderMessageDigestEmailsStep,
  sendEmailNotificationsStep,
} from "../steps"

/**
 * A delivery job queued when `affiliateEmailsPerHour` held an email: once
 * the hour is over, one email to the recipient listing what was held.
 *
 * @example
 * await deliverNotificationDigestWorkflow(container).run({ input: job.input })
 */
export const deliverNotificationDigestWorkflow = createWorkflow(
  DELIVER_NOTIFICATION_DIGEST,
  (input: NotificationDigestInput) => {
    const prepared = prepareNotificationDigestStep(input)
    const emails = renderMessageDigestEmailsStep(
      transform({ prepared }, ({ prepared }) => prepared.map((digest) => digest.props))
    )
    sendEmailNotificationsStep(
      transform({ input, prepared, emails }, ({ input, prepared, emails }) =>
        prepared.map((digest, i) => ({
          to: digest.to,
          template: "affiliate-message-digest",
          email: emails[i],
          idempotency_key: digest.idempotency_key,
          data: { bucket: input.bucket, period_start: input.period_start },
        }))
      )
    )
    return new WorkflowResponse(prepared)
  }
)
