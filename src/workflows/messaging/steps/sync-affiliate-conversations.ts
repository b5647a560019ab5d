import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { MESSAGING_MODULE } from "../../../modules/messaging"
import type MessagingModuleService from "../../../modules/messaging/service"
import type { ConversationAffiliateFields } from "../../../types/messaging"

/**
 * Copies affiliates' current name, email, status, group and manager onto
 * their conversations, the columns the inbox filters and searches.
 *
 * @example
 * syncAffiliateConversationsStep({ affiliate_ids: ["aff_1"] })
 */
export const syncAffiliateConversationsStep = createStep(
  "sync-affiliate-conversations",
  async (input: { affiliate_ids: string[] }, { container }) => {
    if (!input.affiliate_ids.length) {
      return new StepResponse(void 0, [])
    }
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const service = container.resolve<MessagingModuleService>(MESSAGING_MODULE)
    const { data: affiliates } = await query.graph({
      entity: "affiliate",
      fields: ["id", "name", "email", "status", "group_id", "manager_id"],
      filters: { id: input.affiliate_ids },
    })
    const previous: { affiliate_id: string; fields: ConversationAffiliateFields }[] = []
    for (const affiliate of affiliates) {
      const before = await service.syncAffiliateFields(affiliate.id, {
        affiliate_name: affiliate.name,
        affiliate_email: affiliate.email,
        affiliate_status: affiliate.status,
        affiliate_group_id: affiliate.group_id ?? null,
        affiliate_manager_id: affiliate.manager_id ?? null,
      })
      if (before) {
        previous.push({ affiliate_id: affiliate.id, fields: before })
      }
    }
    return new StepResponse(void 0, previous)
  },
  async (previous, { container }) => {
    const service = container.resolve<MessagingModuleService>(MESSAGING_MODULE)
    for (const row of previous ?? []) {
      await service.syncAffiliateFields(row.affiliate_id, row.fields)
    }
  }
)
