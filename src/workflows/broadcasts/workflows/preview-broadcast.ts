import { WorkflowResponse, createWorkflow, transform } from "@medusajs/framework/workflows-sdk"
import { BROADCAST_SAMPLE_SIZE, type AudienceMember, type BroadcastAudience } from "../../../types/broadcast"
import { resolveBroadcastAudienceStep } from "../steps"

export const previewBroadcastWorkflowId = "preview-broadcast"

export type BroadcastPreview = {
  recipient_count: number
  skipped: Record<string, number>
  /** Up to 10 affiliates that would get the message, by name. */
  sample: AudienceMember[]
}

/**
 * What a broadcast to `audience` would do now: how many get it, how many
 * are skipped and why, and a sample. The same resolution as sending, with
 * nothing written.
 *
 * @example
 * const { result } = await previewBroadcastWorkflow(container).run({ input: { audience: { statuses: ["active"] } } })
 * // result: { recipient_count: 120, skipped: { messaging_disabled: 4 }, sample: [...] }
 */
export const previewBroadcastWorkflow = createWorkflow(
  previewBroadcastWorkflowId,
  (input: { audience: BroadcastAudience }) => {
    const members = resolveBroadcastAudienceStep(input.audience)
    return new WorkflowResponse(
      transform({ members }, ({ members }): BroadcastPreview => {
        const eligible = members.filter((member) => !member.reason)
        const skipped: Record<string, number> = {}
        for (const member of members) {
          if (member.reason) {
            skipped[member.reason] = (skipped[member.reason] ?? 0) + 1
          }
        }
        return { recipient_count: eligible.length, skipped, sample: eligible.slice(0, BROADCAST_SAMPLE_SIZE) }
      })
    )
  }
)
