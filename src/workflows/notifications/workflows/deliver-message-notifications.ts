import {
  WorkflowResponse,
  createWorkflow,
  transform,
} from "@medusajs/framework/workflows-sdk"
import { DELIVER_MESSAGE_NOTIFICATIONS } from "../delivery-jobs"
import {
  MessageNotificationInput,
  holdCappedNotificationsStep,
  prepareMessageNotificationsStep,
  renderNewMessageEmailsStep,
  sendEmailNotificationsStep,
} from "../steps"

/**
 * A delivery job: the emails about one message to a batch of its
 * recipients, or about one delay window to one recipient, less those over
 * the affiliate's hourly cap (held for its digest), rendered with
 * react-email and sent through the Notification Module in one call. A
 * thrown error makes the queue retry the job; what was sent is not sent
 * again.
 *
 * @example
 * await deliverMessageNotificationsWorkflow(container).run({ input: job.input })
 */
export const deliverMessageNotificationsWorkflow = createWorkflow(
  DELIVER_MESSAGE_NOTIFICATIONS,
  (input: MessageNotificationInput) => {
    const prepared = holdCappedNotificationsStep(prepareMessageNotificationsStep(input))
    const emails = renderNewMessageEmailsStep(
      transform({ prepared }, ({ prepared }) => prepared.map((notification) => notification.props))
    )
    sendEmailNotificationsStep(
      transform({ input, prepared, emails }, ({ input, prepared, emails }) =>
        prepared.map((notification, i) => ({
          to: notification.to,
          template: "affiliate-new-message",
          email: emails[i],
          idempotency_key: notification.idempotency_key,
          data: { conversation_id: input.conversation_id },
        }))
      )
    )
    return new WorkflowResponse(prepared)
  }
)
