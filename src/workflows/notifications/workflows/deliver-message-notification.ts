import {
  WorkflowResponse,
  createWorkflow,
  transform,
  when,
} from "@medusajs/framework/workflows-sdk"
import { DELIVER_MESSAGE_NOTIFICATION } from "../delivery-jobs"
import {
  MessageNotificationInput,
  prepareMessageNotificationStep,
  renderNewMessageEmailStep,
  sendEmailNotificationStep,
} from "../steps"

/**
 * A delivery job: one recipient's email about one message or one delay
 * window, rendered with react-email and sent through the Notification
 * Module. A thrown error makes the queue retry it.
 *
 * @example
 * await deliverMessageNotificationWorkflow(container).run({ input: job.input })
 */
export const deliverMessageNotificationWorkflow = createWorkflow(
  DELIVER_MESSAGE_NOTIFICATION,
  (input: MessageNotificationInput) => {
    const prepared = prepareMessageNotificationStep(input)
    when({ prepared }, ({ prepared }) => prepared.send).then(() => {
      const email = renderNewMessageEmailStep(
        transform({ prepared }, ({ prepared }) => (prepared as any).props)
      )
      sendEmailNotificationStep(
        transform({ input, prepared, email }, ({ input, prepared, email }) => ({
          to: (prepared as any).to as string,
          template: "affiliate-new-message",
          email,
          idempotency_key: input.idempotency_key,
          data: { conversation_id: input.conversation_id },
        }))
      )
    })
    return new WorkflowResponse(prepared)
  }
)
