import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { DELIVERY_QUEUE_MODULE } from "../../../modules/delivery-queue"
import type DeliveryQueueService from "../../../modules/delivery-queue/service"
import { MESSAGING_MODULE } from "../../../modules/messaging"
import type { IMessagingModuleService } from "../../../types/messaging-module"
import { capPeriodStart, notificationDigestJob } from "../delivery-jobs"
import type { PreparedNotification } from "./prepare-message-notifications"

/**
 * `affiliateEmailsPerHour`: each email an affiliate's messages cause to the
 * store's team claims a slot of its affiliate's budget for the current
 * hour (all pending affiliates share one budget); the emails over it are
 * not sent but held, and the recipient's digest of that hour is queued.
 * Returns the emails to send. Claims are made when the email is about to
 * go out, in the database under a lock, so the count is exact across
 * processes and a retried job gets the decision of its first run.
 *
 * No compensation: a claim is a decision, like the job's journal. Undone
 * when a later step fails, the job's retry could decide otherwise for an
 * email its first run already handed to the SMTP server.
 *
 * @example
 * const toSend = holdCappedNotificationsStep(prepared)
 */
export const holdCappedNotificationsStep = createStep(
  "hold-capped-notifications",
  async (prepared: PreparedNotification[], { container }) => {
    const messaging = container.resolve<IMessagingModuleService>(MESSAGING_MODULE)
    const { affiliateEmailsPerHour: cap, affiliateEmailCapPeriodSeconds: periodSeconds } = messaging.getOptions()
    const capped = prepared.filter((notification) => notification.cap_bucket)
    if (cap === false || !capped.length) {
      return new StepResponse(prepared)
    }
    const periodStart = capPeriodStart(Date.now(), periodSeconds)
    const held = await messaging.claimNotificationSlots({
      claims: capped.map((notification) => ({
        key: notification.idempotency_key,
        bucket: notification.cap_bucket!,
        period_start: periodStart,
        recipient_key: notification.recipient.key,
        conversation_id: notification.conversation_id,
        message_ids: notification.message_ids,
      })),
      cap,
    })
    if (held.size) {
      await container.resolve<DeliveryQueueService>(DELIVERY_QUEUE_MODULE).enqueue(
        capped
          .filter((notification) => held.has(notification.idempotency_key))
          .map((notification) =>
            notificationDigestJob(
              notification.cap_bucket!,
              held.get(notification.idempotency_key)!,
              periodSeconds,
              notification.recipient
            )
          )
      )
    }
    return new StepResponse(prepared.filter((notification) => !held.has(notification.idempotency_key)))
  }
)
