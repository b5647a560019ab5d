import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import type {
  AdminAffiliateGroupDeleteResponse,
  AdminAffiliateGroupResponse,
} from "../../../../types/http"
import {
  deleteAffiliateGroupsWorkflow,
  updateAffiliateGroupsWorkflow,
} from "../../../../workflows"
import { retrieveOne } from "../../../utils/query"
import type { AdminUpdateAffiliateGroupType } from "../validators"

export { AUTHENTICATE } from "../../authenticates-itself"

const retrieveGroup = (req: AuthenticatedMedusaRequest<any>, fields: string[]) =>
  retrieveOne(
    req.scope,
    "affiliate_group",
    { id: req.params.id },
    fields,
    `Affiliate group ${req.params.id} was not found`
  )

export const GET = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse<AdminAffiliateGroupResponse>
) => {
  res.json({ affiliate_group: await retrieveGroup(req, req.queryConfig.fields) })
}

export const POST = async (
  req: AuthenticatedMedusaRequest<AdminUpdateAffiliateGroupType>,
  res: MedusaResponse<AdminAffiliateGroupResponse>
) => {
  await retrieveGroup(req, ["id"])
  await updateAffiliateGroupsWorkflow(req.scope).run({
    input: { updates: [{ ...req.validatedBody, id: req.params.id }] },
  })
  res.json({ affiliate_group: await retrieveGroup(req, req.queryConfig.fields) })
}

export const DELETE = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse<AdminAffiliateGroupDeleteResponse>
) => {
  await retrieveGroup(req, ["id"])
  await deleteAffiliateGroupsWorkflow(req.scope).run({
    input: { ids: [req.params.id] },
  })
  res.json({ id: req.params.id, object: "affiliate_group", deleted: true })
}
