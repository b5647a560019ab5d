import { createHash } from "node:crypto"
import type { DeliveryJob } from "../../modules/delivery-queue/types"
import type { MessageRecipients, Recipient } from "./steps/resolve-message-recipients"

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
export const ENQUEUE_COPIES_NOTIFICATIONS = "enqueue-copies-notifications"
export const DELIVER_NOTIFICATION_DIGEST = "deliver-notification-digest"

/** The invite email: the job carries the invite id, never its token or link. */
export function affiliateInviteJob(inviteId: string): DeliveryJob {
  return { id: `invite-${inviteId}`, workflow: DELIVER_AFFILIATE_INVITE, input: { invite_id: inviteId } }
}

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
 * The first job of a broadcast batch's copies: their recipients found in
 * one pass (a job per copy was 10,000 jobs of three reads each for a
 * 10,000-recipient broadcast, decision 0035). Named by its set of copies
 * (a digest of their sorted ids), so the same batch queued twice is one
 * job and two different sets never share a name. Named by the first copy
 * and the count, as before, a takeover's re-queued slice that began with a
 * batch's first copy was taken for that batch and dropped, and the copies
 * only it held were never emailed (two of 600 in a CI rehearsal).
 */
export function copiesNotificationsJob(messageIds: string[]): DeliveryJob {
  const digest = createHash("sha256").update([...messageIds].sort().join(",")).digest("base64url").slice(0, 22)
  return {
    id: `recipients-copies-${digest}-x${messageIds.length}`,
    workflow: ENQUEUE_COPIES_NOTIFICATIONS,
    input: { message_ids: messageIds },
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

/**
 * The delivery the recipients job runs itself: the first job when it is
 * due at once (no delay window), saving a queue round and a workflow run
 * per message; every other job is queued.
 */
export function splitFirstDelivery(jobs: DeliveryJob[]): { first: DeliveryJob | null; queued: DeliveryJob[] } {
  const [first, ...rest] = jobs
  return first && !first.run_at ? { first, queued: rest } : { first: null, queued: jobs }
}

/** The cap's period (`affiliateEmailsPerHour`, an hour unless a test shortens it) that `at` falls in. */
export function capPeriodStart(at: number, periodSeconds: number): Date {
  const periodMs = periodSeconds * 1000
  return new Date(Math.floor(at / periodMs) * periodMs)
}

export type NotificationDigestInput = {
  /** An affiliate id, or "pending". */
  bucket: string
  period_start: string
  recipient: Recipient
}

/**
 * The digest of what one recipient was not emailed about, because its
 * bucket's emails of the period were used up: one job per (bucket, period,
 * recipient), its id also the email's idempotency key, so however many
 * emails were held (and however often their jobs ran) one digest goes out.
 * It runs once the period is over, plus a margin for claims made at its
 * last instant.
 */
export function notificationDigestJob(
  bucket: string,
  periodStart: Date,
  periodSeconds: number,
  recipient: Recipient
): DeliveryJob {
  const periodMs = periodSeconds * 1000
  const marginMs = Math.min(60_000, Math.max(2_000, periodMs / 30))
  const input: NotificationDigestInput = { bucket, period_start: periodStart.toISOString(), recipient }
  return {
    id: `digest-${bucket}-${periodStart.getTime()}-${recipient.key}`,
    workflow: DELIVER_NOTIFICATION_DIGEST,
    run_at: new Date(periodStart.getTime() + periodMs + marginMs).toISOString(),
    input,
  }
}
