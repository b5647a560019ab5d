import { model } from "@medusajs/framework/utils"
import { REPLY_RECIPIENT_TYPES } from "../../../types/inbound-email"

/**
 * The reply address of one recipient of one conversation. `token` is an
 * HMAC of the other columns (see `reply-token.ts`), stored only so an
 * incoming address can be looked up; it is checked again against the
 * current secret and key version whenever a reply arrives.
 */
export const ReplyKey = model
  .define({ name: "ReplyKey", tableName: "affiliate_reply_key" }, {
    id: model.id({ prefix: "rkey" }).primaryKey(),
    token: model.text(),
    conversation_id: model.text(),
    recipient_type: model.enum([...REPLY_RECIPIENT_TYPES]),
    // a member id, an admin user id, or a lowercased notification address
    recipient_id: model.text(),
    key_version: model.number(),
  })
  .indexes([
    { name: "IDX_reply_key_token_unique", on: ["token"], unique: true, where: "deleted_at IS NULL" },
    { name: "IDX_reply_key_conversation", on: ["conversation_id"] },
  ])
