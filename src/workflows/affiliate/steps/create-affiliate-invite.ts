import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"
import { AffiliateInviteDTO } from "../../../types/affiliate"
import { generateInviteToken, hashInviteToken } from "../../../utils/invite-token"

export const INVITE_TTL_MS = 7 * 24 * 60 * 60 * 1000

export type CreateAffiliateInviteStepInput = {
  affiliate_id: string
  email: string
}

/**
 * Creates an invite and returns its one-time token: only its hash is stored,
 * so this is the one moment the token exists in clear.
 *
 * @example
 * const { invite, token } = createAffiliateInviteStep({ affiliate_id: "aff_123", email: "bo@acme.test" })
 */
export const createAffiliateInviteStep = createStep(
  "create-affiliate-invite",
  async (input: CreateAffiliateInviteStepInput, { container }) => {
    const service = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
    const token = generateInviteToken()
    const invite = (await service.createAffiliateInvites({
      affiliate_id: input.affiliate_id,
      email: input.email,
      token_hash: hashInviteToken(token),
      expires_at: new Date(Date.now() + INVITE_TTL_MS),
    })) as AffiliateInviteDTO
    return new StepResponse({ invite, token }, invite.id)
  },
  async (inviteId, { container }) => {
    if (!inviteId) {
      return
    }
    const service = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
    await service.deleteAffiliateInvites(inviteId)
  }
)
