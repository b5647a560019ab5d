import type { Context } from "@medusajs/framework/types"
import type { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import { InjectManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import type { AffiliateDTO, AffiliateGroupDTO, AffiliateInviteDTO, AffiliateMemberDTO } from "../../types/affiliate"
import type { IAffiliateModuleService, MemberAccess, NotifiedMember, SendParties } from "../../types/affiliate-module"
import type { AffiliateMessagingPluginOptions, ResolvedPluginOptions } from "../../types/options"
import { resolvePluginOptions } from "../../utils/plugin-options"
import { Affiliate, AffiliateGroup, AffiliateInvite, AffiliateMember } from "./models"
import type { AudienceMember, BroadcastAudience } from "../../types/broadcast"
import type { AudienceRepository } from "./repositories/audience"
import type { MemberAccessRepository } from "./repositories/member-access"
import type { NotifiedMembersRepository } from "./repositories/notified-members"
import type { SendPartiesRepository } from "./repositories/send-parties"

/**
 * Affiliates, their groups, members and invites: the CRUD of the models
 * comes from `MedusaService`, the member check every store request makes
 * from `repositories/`.
 */
class AffiliateModuleService
  extends MedusaService<{
    Affiliate: { dto: AffiliateDTO }
    AffiliateGroup: { dto: AffiliateGroupDTO }
    AffiliateInvite: { dto: AffiliateInviteDTO }
    AffiliateMember: { dto: AffiliateMemberDTO }
  }>({
    Affiliate,
    AffiliateGroup,
    AffiliateInvite,
    AffiliateMember,
  })
  implements IAffiliateModuleService
{
  protected readonly options_: ResolvedPluginOptions
  protected readonly memberAccess_: MemberAccessRepository
  protected readonly sendParties_: SendPartiesRepository
  protected readonly notifiedMembers_: NotifiedMembersRepository

  protected readonly audience_: AudienceRepository

  constructor(
    container: {
      memberAccessRepository: MemberAccessRepository
      sendPartiesRepository: SendPartiesRepository
      notifiedMembersRepository: NotifiedMembersRepository
      audienceRepository: AudienceRepository
    },
    options?: AffiliateMessagingPluginOptions
  ) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    this.options_ = resolvePluginOptions(options)
    this.memberAccess_ = container.memberAccessRepository
    this.sendParties_ = container.sendPartiesRepository
    this.notifiedMembers_ = container.notifiedMembersRepository
    this.audience_ = container.audienceRepository
  }

  getOptions(): ResolvedPluginOptions {
    return this.options_
  }

  @InjectManager()
  async retrieveMemberAccess(
    memberId: string,
    @MedusaContext() ctx: Context<EntityManager> = {}
  ): Promise<MemberAccess | null> {
    return await this.memberAccess_.retrieve(memberId, ctx)
  }

  /**
   * What a send checks and copies, in one query: the affiliate with its
   * group's messaging flags, the member of a member thread (`member_id`,
   * null when not this affiliate's) and the writing member (`writer_id`).
   * Null for an unknown affiliate.
   */
  @InjectManager()
  async retrieveSendParties(
    input: { affiliate_id: string; member_id?: string | null; writer_id?: string | null },
    @MedusaContext() ctx: Context<EntityManager> = {}
  ): Promise<SendParties | null> {
    return await this.sendParties_.retrieve(input, ctx)
  }

  /** Members by affiliate and/or id with their email choice and affiliate, in one query (notification emails). */
  @InjectManager()
  async listNotifiedMembers(
    input: { affiliate_id?: string; ids?: string[] },
    @MedusaContext() ctx: Context<EntityManager> = {}
  ): Promise<NotifiedMember[]> {
    return await this.notifiedMembers_.list(input, ctx)
  }

  /**
   * A broadcast's audience (AND between keys, OR inside one) as affiliates
   * ordered by name, each with the reason this module sees to skip it
   * (`messaging_disabled` by its group, `not_allowed` by its status,
   * `no_members`), null when it may get the message.
   */
  @InjectManager()
  async resolveBroadcastAudience(
    audience: BroadcastAudience,
    @MedusaContext() ctx: Context<EntityManager> = {}
  ): Promise<AudienceMember[]> {
    return await this.audience_.resolve(audience, ctx)
  }
}

export default AffiliateModuleService
