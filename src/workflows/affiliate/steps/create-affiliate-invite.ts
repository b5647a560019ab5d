import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type { IAffiliateModuleService } from "../../../types/affiliate-module"
import { AffiliateInviteDTO } from "../../../types/affiliate"
import {
  deriveInviteToken,
  generateInviteSalt,
  hashInviteToken,
  inviteTokenSecret,
} from "../../../utils/invite-token"
import { entityId } from "../../../utils/entity-ids"

export const INVITE_TTL_MS = 7 * 24 * 60 * 60 * 1000

export type CreateAffiliateInviteStepInput = {
  affiliate_id: string
  email: string
}

/**
 * Creates an invite and returns its token for the admin's answer: only its
 * hash and the salt it is derived from are stored (see utils/invite-token),
 * so the email job can derive it again from the invite id.
 *
 * @example
 * const { invite, token } = createAffiliateInviteStep({ affiliate_id: "aff_123", email: "bo@acme.test" })
 */
export const createAffiliateInviteStep = createStep(
  "create-affiliate-invite",
  async (input: CreateAffiliateInviteStepInput, { container }) => {
    const service = container.resolve<IAffiliateModuleService>(AFFILIATE_MODULE)
    const secret = inviteTokenSecret(container.resolve(ContainerRegistrationKeys.CONFIG_MODULE))
    // the token covers the id, so the id is chosen before the row is written
    const id = entityId("affinv")
    const salt = generateInviteSalt()
    const token = deriveInviteToken(secret, id, salt)
    const invite = (await service.createAffiliateInvites({
      id,
      affiliate_id: input.affiliate_id,
      email: input.email,
      token_hash: hashInviteToken(token),
      token_salt: salt,
      expires_at: new Date(Date.now() + INVITE_TTL_MS),
    })) as AffiliateInviteDTO
    return new StepResponse({ invite, token }, invite.id)
  },
  async (inviteId, { container }) => {
    if (!inviteId) {
      return
    }
    const service = container.resolve<IAffiliateModuleService>(AFFILIATE_MODULE)
    await service.deleteAffiliateInvites(inviteId)
  }
)
