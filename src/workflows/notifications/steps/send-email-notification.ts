import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import type { RenderedEmail } from "../../../emails"

export type SendEmailNotificationInput = {
  to: string
  template: string
  email: RenderedEmail
  idempotency_key: string
  data?: Record<string, unknown>
}

/**
 * Sends through Medusa's Notification Module (channel `email`, served by
 * the plugin's nodemailer provider or any email provider the store uses).
 * A failed send throws, so the queue retries it; a delivery that already
 * succeeded is not sent again. Each attempt gets its own notification
 * (`<key>#<n>`): the module's own retry of a failed notification records
 * the result under an id it never created, which made the job fail after
 * the email was out. The last step of its workflows: an email cannot be
 * taken back, so nothing after it can fail.
 *
 * @example
 * sendEmailNotificationStep({ to: "ann@acme.test", template: "affiliate-new-message", email, idempotency_key: "notify-msg_1-affmem_1" })
 */
export const sendEmailNotificationStep = createStep(
  "send-email-notification",
  async (input: SendEmailNotificationInput, { container }) => {
    const notifications = container.resolve(Modules.NOTIFICATION)
    const attempts = await notifications.listNotifications(
      { idempotency_key: { $like: `${input.idempotency_key}#%` } } as any,
      { select: ["id", "status"] }
    )
    const sent = attempts.find((attempt) => attempt.status === "success")
    if (sent) {
      return new StepResponse(sent.id)
    }
    const [notification] = await notifications
      .createNotifications([
      {
        to: input.to,
        channel: "email",
        template: input.template,
        data: input.data ?? {},
        content: { subject: input.email.subject, html: input.email.html, text: input.email.text },
        idempotency_key: `${input.idempotency_key}#${attempts.length + 1}`,
        provider_data: { message_id: `<${input.idempotency_key}@affiliate-messaging>` },
      },
    ])
      .catch((error: Error) => {
        // a store without an email provider is a configuration choice, not a
        // failure worth hours of retries
        if (/Could not find a notification provider for channel: email/.test(error.message)) {
          container
            .resolve(ContainerRegistrationKeys.LOGGER)
            .warn(`affiliate messaging: no email provider configured; ${input.template} to ${input.to} not sent`)
          return []
        }
        throw error
      })
    return new StepResponse(notification?.id ?? null)
  }
)
