import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import type { RenderedEmail } from "../../../emails"
import { wasEmailSent } from "../../../providers/nodemailer/sent-receipts"

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
 * the plugin's nodemailer provider or any email provider the store uses).
 * A failed send throws, so the queue retries the job;
 * a delivery that already succeeded is not sent again. Each attempt gets
 * its own notification (`<key>#<n>`): the module's own retry of a failed
 * notification records the result under an id it never created, which
 * made the job fail after the email was out. An email the SMTP server took
 * whose notification the database then failed to record is known by the
 * nodemailer provider's receipts (this process, one hour) and not sent
 * again. The last step of its workflows: an email cannot be taken back, so
 * nothing after it can fail.
 *
 * @example
 * sendEmailNotificationsStep([{ to: "ann@acme.test", template: "affiliate-new-message", email, idempotency_key: "notify-msg_1-affmem_1" }])
 */
export const sendEmailNotificationsStep = createStep(
  "send-email-notifications",
  async (inputs: SendEmailNotificationInput[], { container }) => {
    if (!inputs.length) {
      return new StepResponse([] as string[])
    }
    const notifications = container.resolve(Modules.NOTIFICATION)
    const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
    const attempts = (await notifications.listNotifications(
      { $or: inputs.map((input) => ({ idempotency_key: { $like: `${input.idempotency_key}#%` } })) } as any,
      { select: ["id", "status", "idempotency_key"] }
    )) as unknown as { id: string; status: string; idempotency_key: string }[]
    const attemptsOf = (input: SendEmailNotificationInput) =>
      attempts.filter((attempt) => attempt.idempotency_key.startsWith(`${input.idempotency_key}#`))
    // sent before, or sent by an earlier attempt whose recording failed
    const toSend = inputs.filter(
      (input) =>
        !attemptsOf(input).some((attempt) => attempt.status === "success") && !wasEmailSent(messageIdOf(input))
    )
    // one Notification Module call per email, all at once: each records
    // its email as sent right after the SMTP server took it, so a worker
    // killed mid-batch leaves no sent email looking unsent
    const results = await Promise.allSettled(
      toSend.map((input) =>
        notifications.createNotifications({
          to: input.to,
          channel: "email",
          template: input.template,
          data: input.data ?? {},
          content: { subject: input.email.subject, html: input.email.html, text: input.email.text },
          idempotency_key: `${input.idempotency_key}#${attemptsOf(input).length + 1}`,
          provider_data: { message_id: messageIdOf(input) },
        })
      )
    )
    const failures = results.flatMap((result, i) =>
      result.status === "rejected" ? [{ input: toSend[i], error: result.reason as Error }] : []
    )
    for (const { input, error } of failures) {
      // a store without an email provider is a configuration choice, not a
      // failure worth hours of retries
      if (/Could not find a notification provider for channel: email/.test(error.message)) {
        logger.warn(`affiliate messaging: no email provider configured; ${input.template} to ${input.to} not sent`)
      } else if (wasEmailSent(messageIdOf(input))) {
        // the SMTP server took it, then recording it failed: a retry would send it twice
        logger.warn(`affiliate messaging: ${input.template} to ${input.to} sent, not recorded: ${error.message}`)
      } else {
        // the job is retried; what was sent is skipped then
        throw error
      }
    }
    return new StepResponse(
      results.flatMap((result) => (result.status === "fulfilled" && result.value ? [result.value.id] : []))
    )
  }
)
