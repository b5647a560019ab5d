import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261205041132 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "affiliate_message" drop constraint if exists "message_broadcast_unique";`);
    this.addSql(`alter table if exists "affiliate_broadcast_recipient" drop constraint if exists "broadcast_recipient_unique";`);
    this.addSql(`create table if not exists "affiliate_broadcast" ("id" text not null, "body" text not null, "audience" jsonb not null, "attachment_count" integer not null default 0, "status" text check ("status" in ('scheduled', 'sending', 'sent', 'cancelled')) not null default 'scheduled', "created_by" text not null, "author_name" text not null, "recipient_count" integer not null default 0, "delivered_count" integer not null default 0, "skipped_count" integer not null default 0, "scheduled_at" timestamptz not null, "started_at" timestamptz null, "frozen_at" timestamptz null, "finished_at" timestamptz null, "lease_owner" text null, "lease_until" timestamptz null, "kicked_at" timestamptz null, "runs" integer not null default 0, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "affiliate_broadcast_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_broadcast_deleted_at" ON "affiliate_broadcast" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_broadcast_created" ON "affiliate_broadcast" ("created_at", "id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_broadcast_due" ON "affiliate_broadcast" ("scheduled_at") WHERE status = 'scheduled' AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_broadcast_sending" ON "affiliate_broadcast" ("status") WHERE status = 'sending' AND deleted_at IS NULL;`);

    this.addSql(`create table if not exists "affiliate_broadcast_recipient" ("id" text not null, "affiliate_id" text not null, "status" text check ("status" in ('pending', 'delivered', 'skipped')) not null default 'pending', "reason" text null, "affiliate_name" text not null, "affiliate_email" text not null, "affiliate_status" text not null, "affiliate_group_id" text null, "affiliate_manager_id" text null, "conversation_id" text null, "message_id" text null, "broadcast_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "affiliate_broadcast_recipient_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_broadcast_recipient_broadcast_id" ON "affiliate_broadcast_recipient" ("broadcast_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_broadcast_recipient_deleted_at" ON "affiliate_broadcast_recipient" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_broadcast_recipient_unique" ON "affiliate_broadcast_recipient" ("broadcast_id", "affiliate_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_broadcast_recipient_pending" ON "affiliate_broadcast_recipient" ("broadcast_id", "id") WHERE status = 'pending' AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_broadcast_recipient_status" ON "affiliate_broadcast_recipient" ("broadcast_id", "status", "id") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "affiliate_broadcast_recipient" add constraint "affiliate_broadcast_recipient_broadcast_id_foreign" foreign key ("broadcast_id") references "affiliate_broadcast" ("id") on update cascade;`);

    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_message_broadcast_unique" ON "affiliate_message" ("conversation_id", "broadcast_id") WHERE broadcast_id IS NOT NULL AND deleted_at IS NULL;`);

    this.addSql(`alter table if exists "affiliate_message_attachment" add column if not exists "broadcast_id" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "affiliate_broadcast_recipient" drop constraint if exists "affiliate_broadcast_recipient_broadcast_id_foreign";`);

    this.addSql(`drop table if exists "affiliate_broadcast" cascade;`);

    this.addSql(`drop table if exists "affiliate_broadcast_recipient" cascade;`);

    this.addSql(`drop index if exists "IDX_message_broadcast_unique";`);

    this.addSql(`alter table if exists "affiliate_message_attachment" drop column if exists "broadcast_id";`);
  }

}
