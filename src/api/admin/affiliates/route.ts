import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import type {
  AdminAffiliateListResponse,
  AdminAffiliateResponse,
} from "../../../types/http"
import { createAffiliatesWorkflow } from "../../../workflows"
import { listPage, retrieveOne } from "../../utils/query"
import type { AdminCreateAffiliateType } from "./validators"

export { AUTHENTICATE } from "../authenticates-itself"

export const GET = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse<AdminAffiliateListResponse>
) => {
  const { rows, ...page } = await listPage(
    req.scope,
    "affiliate",
    req.filterableFields,
    req.queryConfig.fields,
    req.queryConfig.pagination
  )
  res.json({ affiliates: rows, ...page })
}

export const POST = async (
  req: AuthenticatedMedusaRequest<AdminCreateAffiliateType>,
  res: MedusaResponse<AdminAffiliateResponse>
) => {
  const { result } = await createAffiliatesWorkflow(req.scope).run({
    input: { affiliates: [req.validatedBody] },
  })
  const affiliate = await retrieveOne(
    req.scope,
    "affiliate",
    { id: result[0].id },
    req.queryConfig.fields,
    `Affiliate ${result[0].id} was not found`
  )
  res.json({ affiliate })
}
