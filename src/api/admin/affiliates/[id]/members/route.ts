import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import type { AdminAffiliateMemberListResponse } from "../../../../../types/http"
import { listPage, retrieveOne } from "../../../../utils/query"

export { AUTHENTICATE } from "../../../authenticates-itself"

export const GET = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse<AdminAffiliateMemberListResponse>
) => {
  await retrieveOne(req.scope, "affiliate", { id: req.params.id }, ["id"], `Affiliate ${req.params.id} was not found`)
  const { rows, ...page } = await listPage(
    req.scope,
    "affiliate_member",
    { affiliate_id: req.params.id },
    req.queryConfig.fields,
    req.queryConfig.pagination
  )
  res.json({ members: rows, ...page })
}
