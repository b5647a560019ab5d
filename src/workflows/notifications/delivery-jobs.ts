import type { DeliveryJob } from "../../modules/delivery-queue/types"
import type { MessageRecipients } from "./steps/resolve-message-recipients"

export const DELIVER_MESSAGE_NOTIFICATION = "deliver-message-notification"
export const DELIVER_AFFILIATE_INVITE = "deliver-affiliate-invite"

/**
 * One delivery job per recipient. Without a delay the job is about one
 * message. With `notificationDelaySeconds` = d, time is cut in windows of d
 * seconds: the messages of one window share one job (its id names the
 * window), which runs d seconds after the window closes and reports what
 * the recipient has not read by then.
 */
export function messageDeliveryJobs(resolved: MessageRecipients | null): DeliveryJob[] {
  if (!resolved || resolved.message.author_type === "system") {
    return []
  }
  const { message, conversation, recipients } = resolved
  const from_side = message.author_type
  const windowMs = resolved.delay_seconds * 1000
  return recipients.map((recipient) => {
    const base = { conversation_id: conversation.id, recipient, from_side }
    if (!windowMs) {
      const id = `notify-${message.id}-${recipient.key}`
      return {
        id,
        workflow: DELIVER_MESSAGE_NOTIFICATION,
        input: { ...base, idempotency_key: id, message_id: message.id },
      }
    }
    const window = Math.floor(new Date(message.created_at).getTime() / windowMs)
    const from = window * windowMs
    const to = from + windowMs
    const id = `notify-${conversation.id}-${recipient.key}-${window}`
    return {
      id,
      workflow: DELIVER_MESSAGE_NOTIFICATION,
      run_at: new Date(to + windowMs).toISOString(),
      input: {
        ...base,
        idempotency_key: id,
        window: { from: new Date(from).toISOString(), to: new Date(to).toISOString() },
      },
    }
  })
}
