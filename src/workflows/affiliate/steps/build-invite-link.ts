import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type { IAffiliateModuleService } from "../../../types/affiliate-module"
import { inviteAcceptUrl } from "../../../utils/invite-token"

/**
 * The accept link of an invite (`affiliateInviteUrl` with `{token}`) for
 * the admin's answer.
 *
 * @example
 * const { accept_url } = buildInviteLinkStep({ token })
 */
export const buildInviteLinkStep = createStep(
  "build-invite-link",
  async (input: { token: string }, { container }) => {
    const options = container.resolve<IAffiliateModuleService>(AFFILIATE_MODULE).getOptions()
    return new StepResponse({ accept_url: inviteAcceptUrl(options.affiliateInviteUrl, input.token) })
  }
)
