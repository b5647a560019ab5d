import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { MESSAGING_MODULE } from "../../../modules/messaging"
import type { IMessagingModuleService } from "../../../types/messaging-module"
import type { BroadcastAudience } from "../../../types/broadcast"

export type CreateBroadcastStepInput = {
  body: string
  audience: BroadcastAudience
  attachment_ids: string[]
  created_by: string
  author_name: string
  scheduled_at: Date | null
}

/**
 * Records the broadcast as `scheduled` with the uploads it carries (each
 * unsent, the author's, at most 24 hours old, else 400 and nothing stays).
 * Undone by deleting it and handing the uploads back.
 *
 * @example
 * const broadcast = createBroadcastStep({ body, audience, attachment_ids: [], created_by: "user_1", author_name: "Ann", scheduled_at: null })
 */
export const createBroadcastStep = createStep(
  "create-broadcast",
  async (input: CreateBroadcastStepInput, { container }) => {
    const broadcast = await container.resolve<IMessagingModuleService>(MESSAGING_MODULE).createBroadcast(input)
    return new StepResponse(broadcast, { id: broadcast.id, attachment_ids: input.attachment_ids })
  },
  async (created, { container }) => {
    if (!created) {
      return
    }
    const messaging = container.resolve<IMessagingModuleService>(MESSAGING_MODULE)
    if (created.attachment_ids.length) {
      await messaging.updateMessageAttachments(created.attachment_ids.map((id) => ({ id, broadcast_id: null })))
    }
    await messaging.deleteAffiliateBroadcasts(created.id)
  }
)
