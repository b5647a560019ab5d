import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import type { AdminAffiliateInviteResponse } from "../../../../../types/http"
import { createAffiliateInviteWorkflow } from "../../../../../workflows"
import { answerConflicts } from "../../../../utils/medusa-seams/answer-conflicts"
import type { AdminCreateAffiliateInviteType } from "../../validators"

export { AUTHENTICATE } from "../../../authenticates-itself"

export const POST = answerConflicts(
  async (
    req: AuthenticatedMedusaRequest<AdminCreateAffiliateInviteType>,
    res: MedusaResponse<AdminAffiliateInviteResponse>
  ) => {
    const {
      result: { invite, accept_url },
    } = await createAffiliateInviteWorkflow(req.scope).run({
      input: { affiliate_id: req.params.id, email: req.validatedBody.email },
    })
    res.json({
      invite: {
        id: invite.id,
        email: invite.email,
        expires_at: new Date(invite.expires_at).toISOString(),
        accept_url,
      },
    })
  }
)
