import { model } from "@medusajs/framework/utils"

/**
 * How far the IMAP poller got in one mailbox (`mailbox_key`: user, host,
 * port and folder, no password), and which process polls it: the lease
 * that keeps a second worker from polling the same mailbox. IMAP's UIDs
 * and UIDVALIDITY are unsigned 32-bit numbers, past Postgres' integer,
 * so they are kept as text and compared as bigint in SQL.
 */
export const ImapCursor = model
  .define({ name: "ImapCursor", tableName: "affiliate_imap_cursor" }, {
    id: model.id({ prefix: "imapcur" }).primaryKey(),
    mailbox_key: model.text(),
    uid_validity: model.text().nullable(),
    last_uid: model.text().nullable(),
    lease_owner: model.text().nullable(),
    lease_until: model.dateTime().nullable(),
  })
  .indexes([{ name: "IDX_imap_cursor_mailbox_unique", on: ["mailbox_key"], unique: true, where: "deleted_at IS NULL" }])
