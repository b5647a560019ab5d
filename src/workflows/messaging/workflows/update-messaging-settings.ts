import {
  WorkflowResponse,
  createWorkflow,
} from "@medusajs/framework/workflows-sdk"
import type { MessagingSettingsDTO } from "../../../types/messaging"
import { updateMessagingSettingsStep } from "../steps"

/**
 * Turns messaging on or off for the whole program and sets the addresses
 * that receive affiliate messages.
 *
 * @example
 * await updateMessagingSettingsWorkflow(container).run({
 *   input: { enabled: true, notification_emails: ["partners@shop.test"] },
 * })
 */
export const updateMessagingSettingsWorkflow = createWorkflow(
  "update-messaging-settings",
  (input: Partial<MessagingSettingsDTO>) => {
    return new WorkflowResponse(updateMessagingSettingsStep(input))
  }
)
