import { defineLink } from "@medusajs/framework/utils"
import AffiliateModule from "../modules/affiliate"
import MessagingModule from "../modules/messaging"

/** Read-only: a conversation's `affiliate_id` points at its affiliate; no link table. */
export default defineLink(
  { linkable: MessagingModule.linkable.conversation, field: "affiliate_id" },
  AffiliateModule.linkable.affiliate,
  { readOnly: true }
)
