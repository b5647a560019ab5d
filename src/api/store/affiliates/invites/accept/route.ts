import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import type { StoreAffiliateAccountResponse } from "../../../../../types/http"
import { acceptAffiliateInviteWorkflow } from "../../../../../workflows"
import { answerConflicts } from "../../../../utils/medusa-seams/answer-conflicts"
import { ensureUnregistered, retrieveAccount } from "../../account"
import type { StoreAcceptAffiliateInviteType } from "../../validators"

export { AUTHENTICATE } from "../../authenticates-itself"

/** Joins the inviting team with a registration token for the invited email. */
export const POST = answerConflicts(
  async (
    req: AuthenticatedMedusaRequest<StoreAcceptAffiliateInviteType>,
    res: MedusaResponse<StoreAffiliateAccountResponse>
  ) => {
    ensureUnregistered(req)
    const { result } = await acceptAffiliateInviteWorkflow(req.scope).run({
      input: {
        ...req.validatedBody,
        auth_identity_id: req.auth_context.auth_identity_id,
      },
    })
    res.json(await retrieveAccount(req.scope, result.member.id))
  }
)
