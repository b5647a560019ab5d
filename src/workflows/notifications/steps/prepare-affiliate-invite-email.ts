import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import type { AffiliateInviteEmailProps } from "../../../emails"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type { IAffiliateModuleService } from "../../../types/affiliate-module"
import type { AffiliateDTO, AffiliateInviteDTO } from "../../../types/affiliate"
import { deriveInviteToken, inviteAcceptUrl, inviteTokenSecret } from "../../../utils/invite-token"

export type DeliverAffiliateInviteInput = {
  invite_id: string
} & Partial<LegacyInviteJob>

/** What an invite job carried before tokens were derived; such jobs may still wait in a queue. */
type LegacyInviteJob = {
  email: string
  store_name: string
  affiliate_name: string
  accept_url: string
  expires_at: string
}

export type PreparedInviteEmail = {
  to: string
  props: Omit<AffiliateInviteEmailProps, "expiresAt"> & { expiresAt: string }
}

/**
 * The invite email of a job, its link derived now from the invite id and
 * the invite's salt: nothing secret waits in the queue. An invite accepted,
 * expired or deleted meanwhile gets no email. A job queued by an earlier
 * release carries its link and is sent as it is.
 *
 * @example
 * const prepared = prepareAffiliateInviteEmailStep({ invite_id: "affinv_1" })
 */
export const prepareAffiliateInviteEmailStep = createStep(
  "prepare-affiliate-invite-email",
  async (input: DeliverAffiliateInviteInput, { container }) => {
    if (input.accept_url) {
      const legacy = input as DeliverAffiliateInviteInput & LegacyInviteJob
      return new StepResponse<PreparedInviteEmail[]>([
        {
          to: legacy.email,
          props: {
            storeName: legacy.store_name,
            affiliateName: legacy.affiliate_name,
            acceptUrl: legacy.accept_url,
            expiresAt: legacy.expires_at,
          },
        },
      ])
    }
    const service = container.resolve<IAffiliateModuleService>(AFFILIATE_MODULE)
    const [invite] = (await service.listAffiliateInvites(
      { id: input.invite_id },
      { relations: ["affiliate"] }
    )) as (AffiliateInviteDTO & { affiliate: AffiliateDTO })[]
    if (!invite?.token_salt || invite.accepted_at || new Date(invite.expires_at).getTime() < Date.now()) {
      return new StepResponse<PreparedInviteEmail[]>([])
    }
    const options = service.getOptions()
    const secret = inviteTokenSecret(container.resolve(ContainerRegistrationKeys.CONFIG_MODULE))
    return new StepResponse<PreparedInviteEmail[]>([
      {
        to: invite.email,
        props: {
          storeName: options.storeName,
          affiliateName: invite.affiliate.name,
          acceptUrl: inviteAcceptUrl(
            options.affiliateInviteUrl,
            deriveInviteToken(secret, invite.id, invite.token_salt)
          ),
          expiresAt: new Date(invite.expires_at).toISOString(),
        },
      },
    ])
  }
)
