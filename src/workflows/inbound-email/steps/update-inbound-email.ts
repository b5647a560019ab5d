import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { INBOUND_EMAIL_MODULE } from "../../../modules/inbound-email"
import type InboundEmailModuleService from "../../../modules/inbound-email/service"
import type { InboundEmailDTO } from "../../../types/inbound-email"

export type InboundEmailOutcome = Pick<InboundEmailDTO, "id" | "status"> &
  Partial<Pick<InboundEmailDTO, "reason" | "detail" | "conversation_id" | "message_id" | "error">>

const OUTCOME_FIELDS = ["status", "reason", "detail", "conversation_id", "message_id", "error"] as const

/**
 * Records what became of a received email (posted, refused and why,
 * failed); undone by putting the previous values back.
 *
 * @example
 * updateInboundEmailStep({ id: "inem_1", status: "refused", reason: "sender_mismatch" })
 */
export const updateInboundEmailStep = createStep(
  "update-inbound-email",
  async (outcome: InboundEmailOutcome, { container }) => {
    const service = container.resolve<InboundEmailModuleService>(INBOUND_EMAIL_MODULE)
    const before = (await service.retrieveInboundEmail(outcome.id, { select: ["id", ...OUTCOME_FIELDS] })) as InboundEmailDTO
    const updated = (await service.updateInboundEmails(outcome)) as InboundEmailDTO
    const previous = Object.fromEntries(OUTCOME_FIELDS.map((field) => [field, before[field]]))
    return new StepResponse(updated, { id: outcome.id, ...previous } as InboundEmailOutcome)
  },
  async (previous, { container }) => {
    if (previous) {
      await container.resolve<InboundEmailModuleService>(INBOUND_EMAIL_MODULE).updateInboundEmails(previous)
    }
  }
)
