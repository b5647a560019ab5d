import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { MESSAGING_MODULE } from "../../../modules/messaging"
import type { IMessagingModuleService } from "../../../types/messaging-module"
import type { MessagingSettingsDTO } from "../../../types/messaging"

/**
 * @example
 * const settings = updateMessagingSettingsStep({ enabled: false })
 */
export const updateMessagingSettingsStep = createStep(
  "update-messaging-settings",
  async (update: Partial<MessagingSettingsDTO>, { container }) => {
    const service = container.resolve<IMessagingModuleService>(MESSAGING_MODULE)
    const { previous, current } = await service.updateSettings(update)
    return new StepResponse(current, previous)
  },
  async (previous, { container }) => {
    if (!previous) {
      return
    }
    await container
      .resolve<IMessagingModuleService>(MESSAGING_MODULE)
      .updateSettings(previous)
  }
)
