import type { AffiliateStatus } from "../../../types/affiliate"
import type { ConversationAffiliateFields } from "../../../types/messaging"
import { createMirrorStep } from "./create-mirror-step"

type AffiliateFacts = {
  id: string
  name: string
  email: string
  status: AffiliateStatus
  group_id?: string | null
  manager_id?: string | null
}

/**
 * Copies affiliates' current name, email, status, group and manager onto
 * their conversations, the columns the inbox filters and searches.
 *
 * @example
 * syncAffiliateConversationsStep({ affiliate_ids: ["aff_1"] })
 */
export const syncAffiliateConversationsStep = createMirrorStep({
  id: "sync-affiliate-conversations",
  key: "affiliate_ids",
  entity: "affiliate",
  fields: ["id", "name", "email", "status", "group_id", "manager_id"],
  copy: (affiliate: AffiliateFacts): ConversationAffiliateFields => ({
    affiliate_name: affiliate.name,
    affiliate_email: affiliate.email,
    affiliate_status: affiliate.status,
    affiliate_group_id: affiliate.group_id ?? null,
    affiliate_manager_id: affiliate.manager_id ?? null,
  }),
  sync: (service, id, fields) => service.syncAffiliateFields(id, fields),
})
