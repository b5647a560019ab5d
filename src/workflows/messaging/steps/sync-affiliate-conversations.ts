import { affiliateCopy } from "../../../utils/conversation-copies"
import { createMirrorStep } from "./create-mirror-step"

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
  copy: (affiliate: { id: string } & Parameters<typeof affiliateCopy>[0]) => affiliateCopy(affiliate),
  sync: (service, id, fields) => service.syncAffiliateFields(id, fields),
})
