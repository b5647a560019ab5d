import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { MESSAGING_MODULE } from "../../../modules/messaging"
import type { IMessagingModuleService } from "../../../types/messaging-module"

/**
 * A broadcast as it is now, with its counts (NOT_FOUND when missing).
 * Reads only.
 *
 * @example
 * const broadcast = retrieveBroadcastStep({ id: "bcast_1" })
 */
export const retrieveBroadcastStep = createStep(
  "retrieve-broadcast",
  async (input: { id: string }, { container }) => {
    return new StepResponse(await container.resolve<IMessagingModuleService>(MESSAGING_MODULE).retrieveBroadcast(input.id))
  }
)
