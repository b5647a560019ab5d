import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * Each conversation's latest email to each recipient (decision 0042). Left
 * empty: an email whose recipient has no row yet answers what the
 * Notification Module recorded, as before.
 */
export class Migration20261206180000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table if not exists "affiliate_thread_email" ("id" text not null, "conversation_id" text not null, "recipient_key" text not null, "message_id" text not null, "reference_ids" text[] not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "affiliate_thread_email_pkey" primary key ("id"));`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_thread_email_deleted_at" ON "affiliate_thread_email" ("deleted_at") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_thread_email_recipient_unique" ON "affiliate_thread_email" ("conversation_id", "recipient_key") WHERE deleted_at IS NULL;`)
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "affiliate_thread_email" cascade;`)
  }
}
