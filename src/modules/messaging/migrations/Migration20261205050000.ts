import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * A broadcast's messages by broadcast first: the inbox filter
 * `broadcast_id`, the read and replied counts and a batch's check for a
 * copy already written all look a broadcast's messages up by its id, which
 * the index led by the thread could only answer by reading all of it (every
 * broadcast's messages ever sent). Still one copy per thread and broadcast.
 */
export class Migration20261205050000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`drop index if exists "IDX_message_broadcast_unique";`)
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_message_broadcast_unique" ON "affiliate_message" ("broadcast_id", "conversation_id") WHERE broadcast_id IS NOT NULL AND deleted_at IS NULL;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_message_broadcast_unique";`)
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_message_broadcast_unique" ON "affiliate_message" ("conversation_id", "broadcast_id") WHERE broadcast_id IS NOT NULL AND deleted_at IS NULL;`
    )
  }
}
