import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { MESSAGING_MODULE } from "../../../modules/messaging"
import type { IMessagingModuleService } from "../../../types/messaging-module"
import type { AudienceMember } from "../../../types/broadcast"

/**
 * Freezes the recipient list when sending starts, in one statement; a
 * rerun finds it frozen and changes nothing. Not undone: the list is the
 * broadcast's record of who it was for, whatever happens next.
 *
 * @example
 * freezeBroadcastRecipientsStep({ broadcast_id: "bcast_1", members })
 */
export const freezeBroadcastRecipientsStep = createStep(
  "freeze-broadcast-recipients",
  async (input: { broadcast_id: string; members: AudienceMember[] }, { container }) => {
    const frozen = await container.resolve<IMessagingModuleService>(MESSAGING_MODULE).freezeBroadcastRecipients(input)
    return new StepResponse(frozen)
  }
)
