import type { MedusaResponse } from "@medusajs/framework/http"
import type { StoreAffiliateAccountResponse } from "../../../../types/http"
import { updateAffiliateMembersWorkflow } from "../../../../workflows"
import type { AffiliateMemberRequest } from "../../../utils/middlewares/require-affiliate-member"
import { retrieveAccount } from "../account"
import type { StoreUpdateAffiliateMeType } from "../validators"

export { AUTHENTICATE } from "../authenticates-itself"

export const GET = async (
  req: AffiliateMemberRequest,
  res: MedusaResponse<StoreAffiliateAccountResponse>
) => {
  res.json(await retrieveAccount(req.scope, req.affiliate_member.id))
}

export const POST = async (
  req: AffiliateMemberRequest<StoreUpdateAffiliateMeType>,
  res: MedusaResponse<StoreAffiliateAccountResponse>
) => {
  await updateAffiliateMembersWorkflow(req.scope).run({
    input: { updates: [{ ...req.validatedBody, id: req.affiliate_member.id }] },
  })
  res.json(await retrieveAccount(req.scope, req.affiliate_member.id))
}
