import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import type { AdminAffiliateResponse } from "../../../../types/http"
import { updateAffiliatesWorkflow } from "../../../../workflows"
import { retrieveOne } from "../../../utils/query"
import type { AdminUpdateAffiliateType } from "../validators"

export { AUTHENTICATE } from "../../authenticates-itself"

const retrieveAffiliate = (req: AuthenticatedMedusaRequest<any>) =>
  retrieveOne(
    req.scope,
    "affiliate",
    { id: req.params.id },
    req.queryConfig.fields,
    `Affiliate ${req.params.id} was not found`
  )

export const GET = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse<AdminAffiliateResponse>
) => {
  res.json({ affiliate: await retrieveAffiliate(req) })
}

export const POST = async (
  req: AuthenticatedMedusaRequest<AdminUpdateAffiliateType>,
  res: MedusaResponse<AdminAffiliateResponse>
) => {
  await retrieveAffiliate(req)
  await updateAffiliatesWorkflow(req.scope).run({
    input: { updates: [{ ...req.validatedBody, id: req.params.id }] },
  })
  res.json({ affiliate: await retrieveAffiliate(req) })
}
