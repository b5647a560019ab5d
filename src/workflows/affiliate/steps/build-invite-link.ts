import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"

/**
 * The accept link of an invite (`affiliateInviteUrl` with `{token}`) and
 * the store name for its email.
 *
 * @example
 * const { accept_url } = buildInviteLinkStep({ token })
 */
export const buildInviteLinkStep = createStep(
  "build-invite-link",
  async (input: { token: string }, { container }) => {
    const options = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE).getOptions()
    return new StepResponse({
      accept_url: options.affiliateInviteUrl.replace("{token}", encodeURIComponent(input.token)),
      store_name: options.storeName,
    })
  }
)
