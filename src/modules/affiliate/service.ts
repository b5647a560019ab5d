import type { Context } from "@medusajs/framework/types"
import type { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import { InjectManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import type { AffiliateStatus } from "../../types/affiliate"
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

  /**
   * What every store request of a member needs (its affiliate's status and
   * group messaging flags) in one indexed query: it runs on each call of the
   * affiliate's Messages tab and badge.
   */
  @InjectManager()
  async retrieveMemberAccess(
    memberId: string,
    @MedusaContext() ctx: Context<EntityManager> = {}
  ): Promise<MemberAccess | null> {
    const [row] = await ctx.manager!.execute(
      `select m.id, m.affiliate_id, a.status as affiliate_status,
              g.id as group_id, g.messaging_enabled, g.messaging_disabled_message
         from affiliate_member m
         join affiliate a on a.id = m.affiliate_id and a.deleted_at is null
         left join affiliate_group g on g.id = a.group_id and g.deleted_at is null
        where m.id = ? and m.deleted_at is null`,
      [memberId]
    )
    if (!row) {
      return null
    }
    return {
      id: row.id,
      affiliate_id: row.affiliate_id,
      affiliate_status: row.affiliate_status,
      group: row.group_id
        ? { messaging_enabled: row.messaging_enabled, messaging_disabled_message: row.messaging_disabled_message }
        : null,
    }
  }
}

export type MemberAccess = {
  id: string
  affiliate_id: string
  affiliate_status: AffiliateStatus
  /** Null when the affiliate has no group. */
  group: { messaging_enabled: boolean; messaging_disabled_message: string | null } | null
}

export default AffiliateModuleService
