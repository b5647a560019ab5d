import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import type { StoreAffiliateAccountResponse } from "../../../types/http"
import { registerAffiliateWorkflow } from "../../../workflows"
import { ensureUnregistered, retrieveAccount } from "./account"
import type { StoreRegisterAffiliateType } from "./validators"

export { AUTHENTICATE } from "./authenticates-itself"

/** Affiliate sign-up with a registration token from `/auth/affiliate/emailpass/register`. */
export const POST = async (
  req: AuthenticatedMedusaRequest<StoreRegisterAffiliateType>,
  res: MedusaResponse<StoreAffiliateAccountResponse>
) => {
  ensureUnregistered(req)
  const { result } = await registerAffiliateWorkflow(req.scope).run({
    input: {
      ...req.validatedBody,
      auth_identity_id: req.auth_context.auth_identity_id,
    },
  })
  res.json(await retrieveAccount(req.scope, result.member.id))
}
