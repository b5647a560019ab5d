import { model } from "@medusajs/framework/utils"

/**
 * One change the live streams announce, kept for `Last-Event-ID` replay
 * (`liveUpdates.eventRetentionHours`, then purged). `seq` is the stream
 * event id: increasing, so a reconnect asks for what came after. The row
 * holds who the change concerns (`affiliate_id`, and `member_id` for a
 * member thread or a member's own read) so each stream picks its events
 * without reading other modules.
 */
export const LiveEvent = model
  .define({ name: "LiveEvent", tableName: "affiliate_live_event" }, {
    id: model.id({ prefix: "lev" }).primaryKey(),
    seq: model.autoincrement(),
    name: model.text(),
    conversation_id: model.text().nullable(),
    affiliate_id: model.text().nullable(),
    member_id: model.text().nullable(),
    group_id: model.text().nullable(),
    data: model.json().nullable(),
  })
  .indexes([
    { name: "IDX_affiliate_live_event_seq", on: ["seq"], unique: true },
    { name: "IDX_affiliate_live_event_created_at", on: ["created_at"] },
  ])
