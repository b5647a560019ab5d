import { defineLink } from "@medusajs/framework/utils"
import AffiliateModule from "../modules/affiliate"
import MessagingModule from "../modules/messaging"

/** Read-only: a member thread's `member_id` points at the member (null for team threads). */
export default defineLink(
  { linkable: MessagingModule.linkable.conversation, field: "member_id" },
  AffiliateModule.linkable.affiliateMember,
  { readOnly: true }
)
