import { MedusaError } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { INBOUND_EMAIL_MODULE } from "../../../modules/inbound-email"
import type InboundEmailModuleService from "../../../modules/inbound-email/service"
import type { InboundEmailDTO } from "../../../types/inbound-email"
import { conflict } from "../../../utils/errors"

/**
 * Puts a `failed` inbound email back to `received` for another run; 404
 * for an unknown id, 409 in any other state (posted, refused, duplicate,
 * or already waiting). Undone by marking it failed again.
 *
 * @example
 * const email = reopenInboundEmailStep({ id: "inem_1" })
 */
export const reopenInboundEmailStep = createStep(
  "reopen-inbound-email",
  async (input: { id: string }, { container }) => {
    const service = container.resolve<InboundEmailModuleService>(INBOUND_EMAIL_MODULE)
    const reopened = await service.reopenFailedInboundEmail(input.id)
    if (!reopened) {
      const [existing] = (await service.listInboundEmails({ id: input.id }, { select: ["id", "status"] })) as InboundEmailDTO[]
      if (!existing) {
        throw new MedusaError(MedusaError.Types.NOT_FOUND, `Inbound email ${input.id} was not found`)
      }
      throw conflict(`Only a failed inbound email can be retried; this one is ${existing.status}`)
    }
    return new StepResponse(reopened, input.id)
  },
  async (id, { container }) => {
    if (id) {
      await container
        .resolve<InboundEmailModuleService>(INBOUND_EMAIL_MODULE)
        .updateInboundEmails({ id, status: "failed" })
    }
  }
)
