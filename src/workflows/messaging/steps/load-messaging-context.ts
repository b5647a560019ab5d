import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { MESSAGING_MODULE } from "../../../modules/messaging"
import type { IMessagingModuleService } from "../../../types/messaging-module"
import type { AffiliateStatus } from "../../../types/affiliate"
import type {
  ConversationAffiliateFields,
  ConversationAudience,
  ConversationDTO,
  ConversationMemberFields,
  MessagingSettingsDTO,
} from "../../../types/messaging"
import type { GroupMessagingFlags } from "../../../utils/shared/messaging-availability"
import { affiliateCopy, memberCopy } from "../../../utils/conversation-copies"

export type MessagingContext = {
  audience: ConversationAudience
  affiliate: ConversationAffiliateFields & { id: string; status: AffiliateStatus }
  /** The member of a member thread, as its conversation mirrors it; null for the team. */
  member: ConversationMemberFields | null
  group: GroupMessagingFlags
  settings: MessagingSettingsDTO
  /** The audience's existing conversation, if any. */
  conversation: ConversationDTO | null
}

/**
 * Everything the write rules need about an audience: the affiliate with its
 * group's messaging flags, the global settings and the existing thread.
 * An unknown affiliate is 404; a member of another affiliate is 400.
 *
 * @example
 * const context = loadMessagingContextStep({ affiliate_id: "aff_1", member_id: null })
 */
export const loadMessagingContextStep = createStep(
  "load-messaging-context",
  async (audience: ConversationAudience, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const messaging = container.resolve<IMessagingModuleService>(MESSAGING_MODULE)
    const {
      data: [affiliate],
    } = await query.graph({
      entity: "affiliate",
      fields: [
        "id",
        "name",
        "email",
        "status",
        "group_id",
        "manager_id",
        "group.name",
        "group.messaging_enabled",
        "group.messaging_disabled_message",
      ],
      filters: { id: audience.affiliate_id },
    })
    if (!affiliate) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Affiliate ${audience.affiliate_id} was not found`
      )
    }
    let member: ConversationMemberFields | null = null
    if (audience.member_id) {
      const {
        data: [found],
      } = await query.graph({
        entity: "affiliate_member",
        fields: ["id", "first_name", "last_name", "email"],
        filters: { id: audience.member_id, affiliate_id: audience.affiliate_id },
      })
      if (!found) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `Member ${audience.member_id} is not a member of affiliate ${audience.affiliate_id}`
        )
      }
      member = memberCopy(found)
    }
    const [settings, [conversation]] = await Promise.all([
      messaging.retrieveSettings(),
      messaging.listConversations(
        { affiliate_id: audience.affiliate_id, member_id: audience.member_id },
        { take: 1 }
      ),
    ])
    const context: MessagingContext = {
      audience,
      affiliate: {
        id: affiliate.id,
        status: affiliate.status,
        ...affiliateCopy(affiliate),
      },
      member,
      group: affiliate.group ?? null,
      settings,
      conversation: (conversation as ConversationDTO | undefined) ?? null,
    }
    return new StepResponse(context)
  }
)
