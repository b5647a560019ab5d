import { model } from "@medusajs/framework/utils"
import { BROADCAST_STATUSES } from "../../../types/broadcast"
import { AffiliateBroadcastRecipient } from "./broadcast-recipient"

/**
 * One owner message sent to many affiliates, each copy in that affiliate's
 * team thread. `audience` is the filter as the admin sent it; the list it
 * resolved to is frozen as recipients when sending starts. The counts are
 * kept by the batches that write the copies; `lease_*` says which worker
 * writes them now (decision 0035).
 */
export const AffiliateBroadcast = model
  .define({ name: "AffiliateBroadcast", tableName: "affiliate_broadcast" }, {
    id: model.id({ prefix: "bcast" }).primaryKey(),
    body: model.text(),
    audience: model.json(),
    attachment_count: model.number().default(0),
    status: model.enum([...BROADCAST_STATUSES]).default("scheduled"),
    created_by: model.text(),
    author_name: model.text(),
    recipient_count: model.number().default(0),
    delivered_count: model.number().default(0),
    skipped_count: model.number().default(0),
    // null: sent as soon as created (no time was asked for)
    scheduled_at: model.dateTime().nullable(),
    started_at: model.dateTime().nullable(),
    frozen_at: model.dateTime().nullable(),
    finished_at: model.dateTime().nullable(),
    lease_owner: model.text().nullable(),
    lease_until: model.dateTime().nullable(),
    kicked_at: model.dateTime().nullable(),
    runs: model.number().default(0),
    recipients: model.hasMany(() => AffiliateBroadcastRecipient, { mappedBy: "broadcast" }),
  })
  .indexes([
    { name: "IDX_broadcast_created", on: ["created_at", "id"] },
    { name: "IDX_broadcast_due", on: ["scheduled_at"], where: "status = 'scheduled' AND deleted_at IS NULL" },
    { name: "IDX_broadcast_sending", on: ["status"], where: "status = 'sending' AND deleted_at IS NULL" },
  ])
