import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import type { RenderedEmail } from "../../../emails"
import { currentSentReceipts } from "../../../utils/sent-receipts"

export type SendEmailNotificationInput = {
  to: string
  template: string
  email: RenderedEmail
  idempotency_key: string
  data?: Record<string, unknown>
}

const messageIdOf = (input: SendEmailNotificationInput) => `<${input.idempotency_key}@affiliate-messaging>`

/**
 * Sends through Medusa's Notification Module (channel `email`, served by
 * the plugin's nodemailer provider), all of a job's emails in one call.
 * A failed send throws, so the queue retries the job. An email the SMTP
 * server took is in the job's journal (see utils/sent-receipts) and is not
 * sent again, even when its worker died or the database failed before the
 * module recorded it. Each run records its notifications under its own
 * keys (`<key>#run<n>`): the module skips a key it has seen unless it
 * failed, so a key from a killed run would hide its email for good. The
 * last step of its workflows: an email cannot be taken back, so nothing
 * after it can fail.
 *
 * @example
 * sendEmailNotificationsStep([{ to: "ann@acme.test", template: "affiliate-new-message", email, idempotency_key: "notify-msg_1-affmem_1" }])
 */
export const sendEmailNotificationsStep = createStep(
  "send-email-notifications",
  async (inputs: SendEmailNotificationInput[], { container }) => {
    const receipts = currentSentReceipts()
    const unsent = (emails: SendEmailNotificationInput[]) =>
      emails.filter((input) => !receipts.has(messageIdOf(input)))
    const toSend = unsent(inputs)
    if (!toSend.length) {
      return new StepResponse([] as string[])
    }
    const notifications = container.resolve(Modules.NOTIFICATION)
    const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
    try {
      const sent = await notifications.createNotifications(
        toSend.map((input) => ({
          to: input.to,
          channel: "email",
          template: input.template,
          data: input.data ?? {},
          content: { subject: input.email.subject, html: input.email.html, text: input.email.text },
          idempotency_key: `${input.idempotency_key}#run${receipts.run}`,
          provider_data: { message_id: messageIdOf(input) },
        }))
      )
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
      return new StepResponse([] as string[])
    }
  }
)
