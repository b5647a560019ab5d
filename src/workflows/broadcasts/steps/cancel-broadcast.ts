import { MedusaError } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { MESSAGING_MODULE } from "../../../modules/messaging"
import type { IMessagingModuleService } from "../../../types/messaging-module"
import { conflict } from "../../../utils/errors"

/**
 * Stops a scheduled or sending broadcast: no batch starts after it, the
 * copies already written stay (messages are immutable). A cancelled one
 * answers as it is; a sent one is 409. Undone by restoring the status.
 *
 * @example
 * cancelBroadcastStep({ id: "bcast_1" })
 */
export const cancelBroadcastStep = createStep(
  "cancel-broadcast",
  async (input: { id: string }, { container }) => {
    const previous = await container.resolve<IMessagingModuleService>(MESSAGING_MODULE).cancelBroadcast(input.id)
    if (!previous) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Broadcast ${input.id} was not found`)
    }
    if (previous === "sent") {
      throw conflict("This broadcast was already sent to every recipient; there is nothing left to cancel")
    }
    return new StepResponse(previous, previous === "cancelled" ? undefined : { id: input.id, status: previous })
  },
  async (previous, { container }) => {
    if (previous) {
      await container.resolve<IMessagingModuleService>(MESSAGING_MODULE).restoreBroadcastStatus(previous)
    }
  }
)
