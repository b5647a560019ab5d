import { emitEventStep } from "@medusajs/medusa/core-flows"
import {
  WorkflowResponse,
  createWorkflow,
  transform,
} from "@medusajs/framework/workflows-sdk"
import { MessagingEvents, type MessagingSettingsDTO } from "../../../types/messaging"
import { updateMessagingSettingsStep } from "../steps"

export const updateMessagingSettingsWorkflowId = "update-messaging-settings"

/**
 * Turns messaging on or off for the whole program and sets the addresses
 * that receive affiliate messages. Emits `affiliate_messaging_settings.updated`
 * (the live streams tell members whether they may write).
 *
 * @example
 * await updateMessagingSettingsWorkflow(container).run({
 *   input: { enabled: true, notification_emails: ["partners@shop.test"] },
 * })
 */
export const updateMessagingSettingsWorkflow = createWorkflow(
  updateMessagingSettingsWorkflowId,
  (input: Partial<MessagingSettingsDTO>) => {
    const settings = updateMessagingSettingsStep(input)
    emitEventStep({
      eventName: MessagingEvents.SETTINGS_UPDATED,
      data: transform({ settings }, ({ settings }) => ({ enabled: settings.enabled })),
    })
    return new WorkflowResponse(settings)
  }
)
