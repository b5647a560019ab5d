import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { cancelBroadcastWorkflow } from "../../../../../workflows/broadcasts"
import { answerConflicts } from "../../../../utils/medusa-seams/answer-conflicts"
import { broadcastService, broadcastView } from "../../helpers"

export { AUTHENTICATE } from "../../../authenticates-itself"

/** Stops the rest of a broadcast; what was delivered stays. 409 once it is sent. */
export const POST = answerConflicts(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await cancelBroadcastWorkflow(req.scope).run({ input: { id: req.params.id } })
  res.json({ broadcast: broadcastView(await broadcastService(req.scope).retrieveBroadcast(req.params.id)) })
})
