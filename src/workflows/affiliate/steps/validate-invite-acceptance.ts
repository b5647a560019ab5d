import { MedusaError } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type { IAffiliateModuleService } from "../../../types/affiliate-module"
import { AffiliateDTO, AffiliateInviteDTO } from "../../../types/affiliate"
import { conflict } from "../../../utils/errors"
import { hashInviteToken } from "../../../utils/invite-token"
import { loginEmailOf, sameEmail } from "../../../utils/login-email"

export type ValidateInviteAcceptanceInput = {
  token: string
  auth_identity_id: string
}

type InviteWithAffiliate = AffiliateInviteDTO & { affiliate: AffiliateDTO }

/**
 * Finds the invite behind a token and checks it may be accepted by this
 * auth identity: unused, unexpired and sent to the identity's email.
 *
 * @example
 * const invite = validateInviteAcceptanceStep({ token, auth_identity_id: "authid_123" })
 */
export const validateInviteAcceptanceStep = createStep(
  "validate-invite-acceptance",
  async (input: ValidateInviteAcceptanceInput, { container }) => {
    const service = container.resolve<IAffiliateModuleService>(AFFILIATE_MODULE)
    const [invite] = (await service.listAffiliateInvites(
      { token_hash: hashInviteToken(input.token) },
      { relations: ["affiliate"] }
    )) as InviteWithAffiliate[]

    if (!invite) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, "Invite not found")
    }
    if (invite.accepted_at) {
      throw conflict("This invite has already been used")
    }
    if (new Date(invite.expires_at).getTime() < Date.now()) {
      throw conflict("This invite has expired; ask for a new one")
    }

    const loginEmail = await loginEmailOf(container, input.auth_identity_id)
    if (!loginEmail || !sameEmail(loginEmail, invite.email)) {
      throw new MedusaError(
        MedusaError.Types.FORBIDDEN,
        "This invite was sent to another email address"
      )
    }
    return new StepResponse(invite)
  }
)
