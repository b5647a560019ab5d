import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { MESSAGING_MODULE } from "../../../modules/messaging"
import type { IMessagingModuleService } from "../../../types/messaging-module"

/**
 * Writes the next batch of copies in one transaction (threads started,
 * messages, attachments, recipients marked, counts). Not undone: the
 * messages are committed and immutable, as any sent message; a failure
 * before the commit leaves the batch pending for the next run.
 *
 * @example
 * const batch = writeBroadcastBatchStep({ broadcast_id: "bcast_1", size: 500, store_name: "Acme" })
 */
export const writeBroadcastBatchStep = createStep(
  "write-broadcast-batch",
  async (input: { broadcast_id: string; size: number; store_name: string }, { container }) => {
    return new StepResponse(await container.resolve<IMessagingModuleService>(MESSAGING_MODULE).writeBroadcastBatch(input))
  }
)
