import type { DeliveryJob } from "../../modules/delivery-queue/types"
import type { MessageRecipients } from "./steps/resolve-message-recipients"

export const DELIVER_MESSAGE_NOTIFICATIONS = "deliver-message-notifications"
/** Jobs of releases before batching, still found in a queue after an upgrade. */
export const DELIVER_MESSAGE_NOTIFICATION_V1 = "deliver-message-notification"

/**
 * Recipients per delivery job about one message: one Notification Module
 * call and one read of each table per batch instead of per email, small
 * enough that a retried batch resends nothing (sent emails are skipped)
 * and a slow SMTP server holds one job for seconds, not minutes.
 */
export const DELIVERY_BATCH_SIZE = 50
export const DELIVER_AFFILIATE_INVITE = "deliver-affiliate-invite"
export const ENQUEUE_MESSAGE_NOTIFICATIONS = "enqueue-message-notifications"

/**
 * The first job of a new message: find its recipients and queue their
 * deliveries. Queued by the `affiliate_message.created` subscriber, which
 * then touches nothing but the queue: a database that fails at that moment
 * makes the job retry instead of losing the message's emails.
 */
export function messageNotificationsJob(messageId: string): DeliveryJob {
  return {
    id: `recipients-${messageId}`,
    workflow: ENQUEUE_MESSAGE_NOTIFICATIONS,
    input: { message_id: messageId },
  }
}

/**
 * The delivery jobs of a message. Without a delay: its recipients in
 * batches of `DELIVERY_BATCH_SIZE`, each email with its own idempotency key
 * (`notify-<message>-<recipient>`, also its Message-ID). With
 * `notificationDelaySeconds` = d, time is cut in windows of d seconds: the
 * messages of one window share one job per recipient (its id names the
 * window), which runs d seconds after the window closes and reports what
 * the recipient has not read by then.
 */
export function messageDeliveryJobs(resolved: MessageRecipients | null): DeliveryJob[] {
  if (!resolved || resolved.message.author_type === "system") {
    return []
  }
  const { message, conversation } = resolved
  // a stable order: a retried enqueue job must cut the same batches
  const recipients = [...resolved.recipients].sort((a, b) => a.key.localeCompare(b.key))
  const base = { conversation_id: conversation.id, from_side: message.author_type }
  const windowMs = resolved.delay_seconds * 1000
  if (!windowMs) {
    const jobs: DeliveryJob[] = []
    for (let first = 0; first < recipients.length; first += DELIVERY_BATCH_SIZE) {
      jobs.push({
        id: `notify-${message.id}-batch-${first / DELIVERY_BATCH_SIZE}`,
        workflow: DELIVER_MESSAGE_NOTIFICATIONS,
        input: {
          ...base,
          message_id: message.id,
          deliveries: recipients.slice(first, first + DELIVERY_BATCH_SIZE).map((recipient) => ({
            recipient,
            idempotency_key: `notify-${message.id}-${recipient.key}`,
          })),
        },
      })
    }
    return jobs
  }
  const window = Math.floor(new Date(message.created_at).getTime() / windowMs)
  const from = window * windowMs
  const to = from + windowMs
  return recipients.map((recipient) => {
    const id = `notify-${conversation.id}-${recipient.key}-${window}`
    return {
      id,
      workflow: DELIVER_MESSAGE_NOTIFICATIONS,
      run_at: new Date(to + windowMs).toISOString(),
      input: {
        ...base,
        deliveries: [{ recipient, idempotency_key: id }],
        window: { from: new Date(from).toISOString(), to: new Date(to).toISOString() },
      },
    }
  })
}
