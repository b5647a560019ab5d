import { MedusaService } from "@medusajs/framework/utils"
import {
  AffiliateMessagingPluginOptions,
  ResolvedPluginOptions,
} from "../../types/options"
import { resolvePluginOptions } from "../../utils/plugin-options"
import { Affiliate, AffiliateGroup, AffiliateInvite, AffiliateMember } from "./models"

class AffiliateModuleService extends MedusaService({
  Affiliate,
  AffiliateGroup,
  AffiliateInvite,
  AffiliateMember,
}) {
  protected readonly options_: ResolvedPluginOptions

  constructor(
    container: Record<string, unknown>,
    options?: AffiliateMessagingPluginOptions
  ) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    this.options_ = resolvePluginOptions(options)
  }

  /** Plugin options reach modules only: routes and steps read them here. */
  getOptions(): ResolvedPluginOptions {
    return this.options_
  }
}

export default AffiliateModuleService
