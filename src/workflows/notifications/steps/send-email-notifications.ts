import type { Logger } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import type { RenderedEmail } from "../../../emails"
import { MESSAGING_MODULE } from "../../../modules/messaging"
import type { IMessagingModuleService } from "../../../types/messaging-module"
import { currentSentReceipts } from "../../../utils/sent-receipts"
import { NOTIFICATION_RESOURCE_TYPE, NotificationHeaders } from "./thread-notification-emails"

export type SendEmailNotificationInput = {
  to: string
  template: string
  email: RenderedEmail
  idempotency_key: string
  data?: Record<string, unknown>
  /** Message-ID, threading, Reply-To, List-Unsubscribe. */
  headers: Pick<NotificationHeaders, "message_id"> & Partial<NotificationHeaders>
  /** Recorded with the notification, so the thread's next email finds this one. */
  thread?: { conversation_id: string | null; recipient_key: string }
}

/**
 * What the job's journal knows a sent email by: its idempotency key, which
 * never changes across retries (the Message-ID's In-Reply-To may). The
 * format of the Message-IDs of releases before threading, so a job retried
 * across the upgrade still skips what it sent.
 */
const receiptKeyOf = (input: SendEmailNotificationInput) => `<${input.idempotency_key}@affiliate-messaging>`

/**
 * Sends through Medusa's Notification Module (channel `email`, served by
 * the plugin's nodemailer provider), all of a job's emails in one call.
 * A failed send throws, so the queue retries the job. An email the SMTP
 * server took is in the job's journal (see utils/sent-receipts) and is not
 * sent again, even when its worker died or the database failed before the
 * module recorded it. Each run records its notifications under its own
 * keys (`<key>#run<n>`): the module skips a key it has seen unless it
 * failed, so a key from a killed run would hide its email for good. Once
 * out, each email of a conversation is recorded as its recipient's latest
 * of the thread (decision 0042), which the next one answers. The last step
 * of its workflows: an email cannot be taken back, so nothing after it can
 * fail (a failed record is logged).
 *
 * @example
 * sendEmailNotificationsStep([{ to: "ann@acme.test", template: "affiliate-new-message", email, idempotency_key: "notify-msg_1-affmem_1" }])
 */
export const sendEmailNotificationsStep = createStep(
  "send-email-notifications",
  async (inputs: SendEmailNotificationInput[], { container }) => {
    const receipts = currentSentReceipts()
    const unsent = (emails: SendEmailNotificationInput[]) =>
      emails.filter((input) => !receipts.has(receiptKeyOf(input)))
    const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
    const messaging = container.resolve<IMessagingModuleService>(MESSAGING_MODULE)
    const recordThreads = () => recordAsLatestOfThreads(messaging, logger, inputs)
    const toSend = unsent(inputs)
    if (!toSend.length) {
      // all out in an earlier run, which may have died before recording them
      await recordThreads()
      return new StepResponse([] as string[])
    }
    const notifications = container.resolve(Modules.NOTIFICATION)
    try {
      const sent = await notifications.createNotifications(
        toSend.map((input) => ({
          to: input.to,
          channel: "email",
          template: input.template,
          data: input.data ?? {},
          content: { subject: input.email.subject, html: input.email.html, text: input.email.text },
          idempotency_key: `${input.idempotency_key}#run${receipts.run}`,
          ...(input.thread?.conversation_id
            ? { resource_type: NOTIFICATION_RESOURCE_TYPE, resource_id: input.thread.conversation_id }
            : {}),
          ...(input.thread ? { receiver_id: input.thread.recipient_key } : {}),
          provider_data: providerData(input),
        }))
      )
      await recordThreads()
      return new StepResponse(sent.map((notification) => notification.id))
    } catch (error) {
      const message = (error as Error).message
      // a store without an email provider is a configuration choice, not a
      // failure worth hours of retries
      if (/Could not find a notification provider for channel: email/.test(message)) {
        logger.warn(`affiliate messaging: no email provider configured; ${toSend.length} emails not sent`)
        return new StepResponse([] as string[])
      }
      if (unsent(toSend).length) {
        // the job is retried; what was sent is skipped then
        throw error
      }
      // all out, then recording them failed: a retry would send them twice
      logger.warn(`affiliate messaging: ${toSend.length} emails sent, not all recorded: ${message}`)
      await recordThreads()
      return new StepResponse([] as string[])
    }
  }
)

/**
 * Records the thread emails of `sent` as their recipients' latest (decision
 * 0042), which their next emails answer. Never throws: the emails are out.
 * Without its record a recipient's next email of the thread looks up the
 * Notification Module's rows instead; with an older record kept, it
 * answers that older email, still in the thread by its References.
 */
async function recordAsLatestOfThreads(
  messaging: IMessagingModuleService,
  logger: Logger,
  sent: SendEmailNotificationInput[]
) {
  const threadEmails = sent.flatMap(({ thread, headers }) =>
    thread?.conversation_id
      ? [
          {
            conversation_id: thread.conversation_id,
            recipient_key: thread.recipient_key,
            message_id: headers.message_id,
            references: headers.references ?? [],
          },
        ]
      : []
  )
  await messaging
    .recordThreadEmails(threadEmails)
    .catch((error: Error) =>
      logger.warn(`affiliate messaging: ${threadEmails.length} thread emails not recorded: ${error.message}`)
    )
}

/** What the nodemailer provider turns into headers (see providers/nodemailer). */
function providerData(input: SendEmailNotificationInput): Record<string, unknown> {
  const { headers } = input
  return {
    message_id: headers.message_id,
    receipt_key: receiptKeyOf(input),
    in_reply_to: headers.in_reply_to ?? null,
    references: headers.references ?? [],
    reply_to: headers.reply_to ?? null,
    headers: {
      // RFC 3834: no vacation responder answers it, and inbound refuses what carries it
      "Auto-Submitted": "auto-generated",
      ...(headers.list_unsubscribe
        ? {
            "List-Unsubscribe": `<${headers.list_unsubscribe}>`,
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
          }
        : {}),
    },
  }
}
