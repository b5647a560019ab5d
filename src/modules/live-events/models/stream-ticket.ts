import { model } from "@medusajs/framework/utils"

/**
 * A one-use ticket that opens a member's stream (`EventSource` cannot send
 * headers). Only the SHA-256 of the ticket is stored. It carries what the
 * stream needs to notice a logout later: the session it was issued under, or
 * the expiry of the bearer token.
 */
export const StreamTicket = model
  .define({ name: "StreamTicket", tableName: "affiliate_stream_ticket" }, {
    id: model.id({ prefix: "stk" }).primaryKey(),
    token_hash: model.text(),
    member_id: model.text(),
    session_id: model.text().nullable(),
    auth_expires_at: model.dateTime().nullable(),
    expires_at: model.dateTime(),
    used_at: model.dateTime().nullable(),
  })
  .indexes([
    { name: "IDX_affiliate_stream_ticket_token_hash", on: ["token_hash"], unique: true },
    { name: "IDX_affiliate_stream_ticket_expires_at", on: ["expires_at"] },
  ])
