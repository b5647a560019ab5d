import { model } from "@medusajs/framework/utils"

/**
 * The cap on emails one affiliate causes per hour (`affiliateEmailsPerHour`):
 * one row per owner-side email its messages asked for, keyed by the email's
 * idempotency key, saying whether it went out (`held` false, counted against
 * the cap) or was held for the digest that `bucket`'s period ends with.
 * `bucket` is the affiliate id, or "pending" for every pending affiliate
 * together. A retried delivery job finds its row and decides the same way.
 */
export const NotificationClaim = model
  .define({ name: "NotificationClaim", tableName: "affiliate_notification_claim" }, {
    id: model.id({ prefix: "ncl" }).primaryKey(),
    key: model.text(),
    bucket: model.text(),
    period_start: model.dateTime(),
    recipient_key: model.text(),
    conversation_id: model.text(),
    message_ids: model.array(),
    held: model.boolean(),
  })
  .indexes([
    { name: "IDX_notification_claim_key_unique", on: ["key"], unique: true, where: "deleted_at IS NULL" },
    { name: "IDX_notification_claim_bucket_period", on: ["bucket", "period_start", "recipient_key"] },
  ])
