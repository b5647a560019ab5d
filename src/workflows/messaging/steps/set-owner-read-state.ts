import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { MESSAGING_MODULE } from "../../../modules/messaging"
import type { IMessagingModuleService } from "../../../types/messaging-module"

/**
 * Sets the owners' shared read state: read by one admin is read for all.
 * Returns the ids whose state changed.
 *
 * @example
 * const changed = setOwnerReadStateStep({ ids: ["conv_1"], unread: false })
 */
export const setOwnerReadStateStep = createStep(
  "set-owner-read-state",
  async (input: { ids: string[]; unread: boolean }, { container }) => {
    const service = container.resolve<IMessagingModuleService>(MESSAGING_MODULE)
    const previous = await service.setOwnerUnread(input)
    return new StepResponse(
      previous.map((row) => row.id),
      previous
    )
  },
  async (previous, { container }) => {
    if (!previous?.length) {
      return
    }
    await container
      .resolve<IMessagingModuleService>(MESSAGING_MODULE)
      .restoreOwnerReadState(previous)
  }
)
