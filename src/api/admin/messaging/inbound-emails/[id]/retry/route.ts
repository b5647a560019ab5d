import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { InboundEmailDTO } from "../../../../../../types/inbound-email"
import type { AdminInboundEmailResponse } from "../../../../../../types/http"
import { retryInboundEmailWorkflow } from "../../../../../../workflows/inbound-email"
import { answerConflicts } from "../../../../../utils/medusa-seams/answer-conflicts"
import { inboundEmailView } from "../../helpers"

export { AUTHENTICATE } from "../../../../authenticates-itself"

/** Processes a `failed` inbound email again from its stored raw copy (409 in any other state). */
export const POST = answerConflicts(
  async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminInboundEmailResponse>) => {
    const { result } = await retryInboundEmailWorkflow(req.scope).run({ input: { id: req.params.id } })
    res.json({ inbound_email: inboundEmailView(result as InboundEmailDTO) })
  }
)
