import { model } from "@medusajs/framework/utils"
import { BROADCAST_RECIPIENT_STATUSES } from "../../../types/broadcast"
import { AffiliateBroadcast } from "./broadcast"

/**
 * One affiliate of a broadcast's frozen list: `pending` until the batch that
 * writes its copy commits, then `delivered` with the thread and message, or
 * `skipped` with `reason`. Unique per (broadcast, affiliate): the list is
 * frozen once. The affiliate_* columns copy what a new team thread needs
 * (decision 0013) and the name the `{{affiliate.name}}` tag takes, as they
 * were when the list was frozen.
 */
export const AffiliateBroadcastRecipient = model
  .define({ name: "AffiliateBroadcastRecipient", tableName: "affiliate_broadcast_recipient" }, {
    id: model.id({ prefix: "bcrcp" }).primaryKey(),
    affiliate_id: model.text(),
    status: model.enum([...BROADCAST_RECIPIENT_STATUSES]).default("pending"),
    reason: model.text().nullable(),
    affiliate_name: model.text(),
    affiliate_email: model.text(),
    affiliate_status: model.text(),
    affiliate_group_id: model.text().nullable(),
    affiliate_manager_id: model.text().nullable(),
    conversation_id: model.text().nullable(),
    message_id: model.text().nullable(),
    broadcast: model.belongsTo(() => AffiliateBroadcast, { mappedBy: "recipients" }),
  })
  .indexes([
    {
      name: "IDX_broadcast_recipient_unique",
      on: ["broadcast_id", "affiliate_id"],
      unique: true,
      where: "deleted_at IS NULL",
    },
    { name: "IDX_broadcast_recipient_pending", on: ["broadcast_id", "id"], where: "status = 'pending' AND deleted_at IS NULL" },
    { name: "IDX_broadcast_recipient_status", on: ["broadcast_id", "status", "id"] },
  ])
