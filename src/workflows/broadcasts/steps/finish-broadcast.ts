import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { MESSAGING_MODULE } from "../../../modules/messaging"
import type { IMessagingModuleService } from "../../../types/messaging-module"

/**
 * Marks a sending broadcast `sent` once nobody is pending; returns whether
 * this call did (so `affiliate_broadcast.sent` is emitted once). Not
 * undone: every copy is written.
 *
 * @example
 * const finished = finishBroadcastStep({ broadcast_id: "bcast_1" })
 */
export const finishBroadcastStep = createStep(
  "finish-broadcast",
  async (input: { broadcast_id: string }, { container }) => {
    return new StepResponse(await container.resolve<IMessagingModuleService>(MESSAGING_MODULE).finishBroadcast(input.broadcast_id))
  }
)
