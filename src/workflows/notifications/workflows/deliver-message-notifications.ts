import {
  WorkflowData,
  WorkflowResponse,
  createWorkflow,
  transform,
} from "@medusajs/framework/workflows-sdk"
import { DELIVER_MESSAGE_NOTIFICATIONS } from "../delivery-jobs"
import {
  MessageNotificationInput,
  ResolvedMessageNotificationInput,
  holdCappedNotificationsStep,
  prepareMessageNotificationsStep,
  renderNewMessageEmailsStep,
  sendEmailNotificationsStep,
  threadNotificationEmailsStep,
} from "../steps"

export const deliverMessageNotificationsWorkflowId = DELIVER_MESSAGE_NOTIFICATIONS

/**
 * A delivery job: the emails about one message to a batch of its
 * recipients, or about one delay window to one recipient, less those over
 * the affiliate's hourly cap (held for its digest), rendered with
 * react-email, threaded per recipient (Message-ID
 * `<{newest message}.{recipient}@domain>`, In-Reply-To the recipient's
 * previous email of the thread, Reply-To, List-Unsubscribe) and sent
 * through the Notification Module in one call. A thrown error makes the
 * queue retry the job; what was sent is not sent again.
 *
 * @example
 * await deliverMessageNotificationsWorkflow(container).run({ input: job.input })
 */
export const deliverMessageNotificationsWorkflow = createWorkflow(
  deliverMessageNotificationsWorkflowId,
  (input: WorkflowData<MessageNotificationInput>) => new WorkflowResponse(deliverMessageNotificationSteps(input))
)

/**
 * The steps of a delivery, composed into the workflow that runs them: this
 * one, and `enqueueMessageNotificationsWorkflow` for a message's first
 * batch. Composed there rather than nested (`runAsStep`), the first batch
 * costs no second workflow run: Medusa's run draws three ULIDs (~100 µs
 * each here, a call for random bytes per character) and reads the
 * workflow's stored execution, for every message sent.
 *
 * @example
 * const prepared = deliverMessageNotificationSteps(input)
 */
export function deliverMessageNotificationSteps(input: WorkflowData<ResolvedMessageNotificationInput>) {
  const prepared = holdCappedNotificationsStep(prepareMessageNotificationsStep(input))
  const emails = renderNewMessageEmailsStep(
    transform({ prepared }, ({ prepared }) => prepared.map((notification) => notification.props))
  )
  const headers = threadNotificationEmailsStep(
    transform({ prepared }, ({ prepared }) =>
      prepared.map((notification) => ({
        anchor: `${notification.message_ids[notification.message_ids.length - 1]}.${notification.recipient.key}`,
        recipient: notification.recipient,
        conversation_id: notification.conversation_id,
      }))
    )
  )
  sendEmailNotificationsStep(
    transform({ input, prepared, emails, headers }, ({ input, prepared, emails, headers }) =>
      prepared.map((notification, i) => ({
        to: notification.to,
        template: "affiliate-new-message",
        email: emails[i],
        idempotency_key: notification.idempotency_key,
        data: { conversation_id: input.conversation_id },
        headers: headers[i],
        thread: { conversation_id: notification.conversation_id, recipient_key: notification.recipient.key },
      }))
    )
  )
  return prepared
}
