import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import type {
  AdminAffiliateGroupListResponse,
  AdminAffiliateGroupResponse,
} from "../../../types/http"
import { createAffiliateGroupsWorkflow } from "../../../workflows"
import { listPage, retrieveOne } from "../../utils/query"
import type { AdminCreateAffiliateGroupType } from "./validators"

export { AUTHENTICATE } from "../authenticates-itself"

export const GET = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse<AdminAffiliateGroupListResponse>
) => {
  const { rows, ...page } = await listPage(
    req.scope,
    "affiliate_group",
    req.filterableFields,
    req.queryConfig.fields,
    req.queryConfig.pagination
  )
  res.json({ affiliate_groups: rows, ...page })
}

export const POST = async (
  req: AuthenticatedMedusaRequest<AdminCreateAffiliateGroupType>,
  res: MedusaResponse<AdminAffiliateGroupResponse>
) => {
  const {
    result: [group],
  } = await createAffiliateGroupsWorkflow(req.scope).run({
    input: { groups: [req.validatedBody] },
  })
  const affiliate_group = await retrieveOne(
    req.scope,
    "affiliate_group",
    { id: group.id },
    req.queryConfig.fields,
    `Affiliate group ${group.id} was not found`
  )
  res.json({ affiliate_group })
}
