import { affiliateCopy } from "../../../utils/conversation-copies"
import { createCopyStep } from "./create-copy-step"

/**
 * Copies affiliates' current name, email, status, group and manager onto
 * their conversations, the columns the inbox filters and searches.
 *
 * @example
 * updateAffiliateCopiesStep({ affiliate_ids: ["aff_1"] })
 */
export const updateAffiliateCopiesStep = createCopyStep({
  id: "update-affiliate-copies",
  key: "affiliate_ids",
  entity: "affiliate",
  fields: ["id", "name", "email", "status", "group_id", "manager_id"],
  copy: (affiliate: { id: string } & Parameters<typeof affiliateCopy>[0]) => affiliateCopy(affiliate),
  write: (service, id, fields) => service.updateAffiliateCopies({ affiliate_id: id, fields }),
})
