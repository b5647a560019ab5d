import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { asArray } from "../../../../utils/validators/as-array"
import { broadcastService, recipientView } from "../../helpers"
import type { AdminGetBroadcastRecipientsParamsType } from "../../validators"

export { AUTHENTICATE } from "../../../authenticates-itself"

/** A broadcast's recipients by affiliate name, each with its status, thread and read/replied times; `status` filters. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGetBroadcastRecipientsParamsType>,
  res: MedusaResponse
) => {
  const params = req.validatedQuery as AdminGetBroadcastRecipientsParamsType
  const service = broadcastService(req.scope)
  await service.retrieveBroadcast(req.params.id)
  const { recipients, count } = await service.listBroadcastRecipients({
    broadcast_id: req.params.id,
    status: asArray(params.status),
    limit: params.limit,
    offset: params.offset,
  })
  res.json({ recipients: recipients.map(recipientView), count, offset: params.offset, limit: params.limit })
}
