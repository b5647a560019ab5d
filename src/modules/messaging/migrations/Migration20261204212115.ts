import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261204212115 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "affiliate_notification_claim" drop constraint if exists "notification_claim_key_unique";`);
    this.addSql(`create table if not exists "affiliate_notification_claim" ("id" text not null, "key" text not null, "bucket" text not null, "period_start" timestamptz not null, "recipient_key" text not null, "conversation_id" text not null, "message_ids" text[] not null, "held" boolean not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "affiliate_notification_claim_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_notification_claim_deleted_at" ON "affiliate_notification_claim" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_notification_claim_key_unique" ON "affiliate_notification_claim" ("key") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_notification_claim_bucket_period" ON "affiliate_notification_claim" ("bucket", "period_start", "recipient_key") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "affiliate_notification_claim" cascade;`);
  }

}
