import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { INBOUND_EMAIL_MODULE } from "../../../modules/inbound-email"
import type InboundEmailModuleService from "../../../modules/inbound-email/service"
import type { NewInboundEmail } from "../../../types/inbound-email"

/**
 * Stores a received email's record, once per Message-ID (or raw hash); a
 * second arrival is recorded as a `duplicate` of the first.
 *
 * @example
 * const { email, duplicate } = recordInboundEmailStep({ transport: "webhook", dedupe_key: "<a@b>", … })
 */
export const recordInboundEmailStep = createStep(
  "record-inbound-email",
  async (input: NewInboundEmail, { container }) => {
    const service = container.resolve<InboundEmailModuleService>(INBOUND_EMAIL_MODULE)
    const recorded = await service.recordInboundEmail(input)
    return new StepResponse(recorded, recorded.email.id)
  },
  async (id, { container }) => {
    if (id) {
      await container.resolve<InboundEmailModuleService>(INBOUND_EMAIL_MODULE).deleteInboundEmails(id)
    }
  }
)
