import { emitEventStep } from "@medusajs/medusa/core-flows"
import { WorkflowResponse, createHook, createWorkflow, transform } from "@medusajs/framework/workflows-sdk"
import { BroadcastEvents, type BroadcastAudience } from "../../../types/broadcast"
import { resolveAuthorStep } from "../../messaging/steps"
import {
  createBroadcastStep,
  enqueueBroadcastRunsStep,
  retrieveBroadcastStep,
  startDueBroadcastsStep,
  validateBroadcastBodyStep,
} from "../steps"

export type CreateBroadcastWorkflowInput = {
  /** The admin sending it: each copy is written as theirs. */
  user_id: string
  body: string
  audience: BroadcastAudience
  attachment_ids?: string[]
  /** When to send; absent or past: now (or as soon as the broadcast sending before it finishes). */
  scheduled_at?: Date | string | null
}

export const createBroadcastWorkflowId = "create-broadcast"

/**
 * Records a broadcast and, when it is due and the store's
 * `broadcastConcurrency` allows, starts it: a queue job freezes the
 * recipient list and writes the copies in batches (decision 0035). Emits
 * `affiliate_broadcast.created`. Returns the broadcast as recorded
 * (`sending` when it started, else `scheduled`).
 *
 * @example
 * const { result } = await createBroadcastWorkflow(container).run({
 *   input: { user_id: "user_1", body: "Hi {{affiliate.name}}, commissions go up to 12%", audience: { statuses: ["active"] } },
 * })
 *
 * Hook: `broadcastCreated` ({ broadcast }) runs after it is recorded,
 * inside the workflow (throw to refuse it: the broadcast is removed).
 */
export const createBroadcastWorkflow = createWorkflow(
  createBroadcastWorkflowId,
  (input: CreateBroadcastWorkflowInput) => {
    validateBroadcastBodyStep(transform({ input }, ({ input }) => ({ body: input.body })))
    const author = resolveAuthorStep(transform({ input }, ({ input }) => ({ type: "owner" as const, id: input.user_id })))
    const broadcast = createBroadcastStep(
      transform({ input, author }, ({ input, author }) => ({
        body: input.body,
        audience: input.audience,
        attachment_ids: input.attachment_ids ?? [],
        created_by: input.user_id,
        author_name: author.name,
        scheduled_at: input.scheduled_at ? new Date(input.scheduled_at) : null,
      }))
    )
    const broadcastCreated = createHook("broadcastCreated", { broadcast })
    emitEventStep({
      eventName: BroadcastEvents.CREATED,
      data: transform({ broadcast }, ({ broadcast }) => ({ id: broadcast.id })),
    })
    const runs = startDueBroadcastsStep()
    enqueueBroadcastRunsStep(runs)
    // as it stands once started (status, started_at)
    const current = retrieveBroadcastStep(transform({ broadcast }, ({ broadcast }) => ({ id: broadcast.id }))).config({
      name: "retrieve-created-broadcast",
    })
    return new WorkflowResponse(current, { hooks: [broadcastCreated] })
  }
)
