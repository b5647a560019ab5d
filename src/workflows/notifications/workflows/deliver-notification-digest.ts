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
  threadNotificationEmailsStep,
} from "../steps"

export const deliverNotificationDigestWorkflowId = DELIVER_NOTIFICATION_DIGEST

/**
 * A delivery job queued when `affiliateEmailsPerHour` held an email: once
 * the hour is over, one email to the recipient listing what was held.
 * Its Message-ID is the job id's; a digest of one conversation is threaded
 * and answerable like that conversation's emails, one of several is not.
 *
 * @example
 * await deliverNotificationDigestWorkflow(container).run({ input: job.input })
 */
export const deliverNotificationDigestWorkflow = createWorkflow(
  deliverNotificationDigestWorkflowId,
  (input: NotificationDigestInput) => {
    const prepared = prepareNotificationDigestStep(input)
    const emails = renderMessageDigestEmailsStep(
      transform({ prepared }, ({ prepared }) => prepared.map((digest) => digest.props))
    )
    const headers = threadNotificationEmailsStep(
      transform({ prepared }, ({ prepared }) =>
        prepared.map((digest) => ({
          anchor: digest.idempotency_key,
          recipient: digest.recipient,
          conversation_id: digest.conversation_id,
        }))
      )
    )
    sendEmailNotificationsStep(
      transform({ input, prepared, emails, headers }, ({ input, prepared, emails, headers }) =>
        prepared.map((digest, i) => ({
          to: digest.to,
          template: "affiliate-message-digest",
          email: emails[i],
          idempotency_key: digest.idempotency_key,
          data: { bucket: input.bucket, period_start: input.period_start },
          headers: headers[i],
          thread: { conversation_id: digest.conversation_id, recipient_key: digest.recipient.key },
        }))
      )
    )
    return new WorkflowResponse(prepared)
  }
)
