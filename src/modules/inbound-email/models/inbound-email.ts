import { model } from "@medusajs/framework/utils"
import { INBOUND_EMAIL_STATUSES, INBOUND_TRANSPORTS } from "../../../types/inbound-email"

/**
 * One email received for reply by email, written before anything else is
 * done with it. `dedupe_key` (its Message-ID, or a hash of its bytes when
 * it has none) is unique: a second arrival of the same email is a row of
 * its own with status `duplicate`, no key and no raw copy. The raw email
 * lives in the File Module (`raw_file_id`) for 30 days, so processing can
 * be re-run from it.
 */
export const InboundEmail = model
  .define({ name: "InboundEmail", tableName: "affiliate_inbound_email" }, {
    id: model.id({ prefix: "inem" }).primaryKey(),
    received_at: model.dateTime(),
    transport: model.enum([...INBOUND_TRANSPORTS]),
    dedupe_key: model.text().nullable(),
    message_header_id: model.text().nullable(),
    from_address: model.text().nullable(),
    to_addresses: model.array(),
    envelope_to: model.array(),
    status: model.enum([...INBOUND_EMAIL_STATUSES]).default("received"),
    reason: model.text().nullable(),
    detail: model.text().nullable(),
    conversation_id: model.text().nullable(),
    message_id: model.text().nullable(),
    raw_file_id: model.text().nullable(),
    raw_size: model.number().default(0),
    raw_sha256: model.text().nullable(),
    duplicate_of: model.text().nullable(),
    attempts: model.number().default(0),
    error: model.text().nullable(),
  })
  .indexes([
    {
      name: "IDX_inbound_email_dedupe_key_unique",
      on: ["dedupe_key"],
      unique: true,
      where: "dedupe_key IS NOT NULL AND deleted_at IS NULL",
    },
    { name: "IDX_inbound_email_received", on: ["received_at", "id"] },
    { name: "IDX_inbound_email_status", on: ["status", "received_at"] },
  ])
