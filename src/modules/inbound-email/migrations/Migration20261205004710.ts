import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261205004710 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "affiliate_reply_key" drop constraint if exists "reply_key_token_unique";`);
    this.addSql(`alter table if exists "affiliate_inbound_email" drop constraint if exists "inbound_email_dedupe_key_unique";`);
    this.addSql(`create table if not exists "affiliate_inbound_email" ("id" text not null, "received_at" timestamptz not null, "transport" text check ("transport" in ('webhook', 'smtp', 'imap')) not null, "dedupe_key" text null, "message_header_id" text null, "from_address" text null, "to_addresses" text[] not null, "envelope_to" text[] not null, "status" text check ("status" in ('received', 'posted', 'duplicate', 'refused', 'failed')) not null default 'received', "reason" text null, "detail" text null, "conversation_id" text null, "message_id" text null, "raw_file_id" text null, "raw_size" integer not null default 0, "raw_sha256" text null, "duplicate_of" text null, "attempts" integer not null default 0, "error" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "affiliate_inbound_email_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_inbound_email_deleted_at" ON "affiliate_inbound_email" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_inbound_email_dedupe_key_unique" ON "affiliate_inbound_email" ("dedupe_key") WHERE dedupe_key IS NOT NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_inbound_email_received" ON "affiliate_inbound_email" ("received_at", "id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_inbound_email_status" ON "affiliate_inbound_email" ("status", "received_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "affiliate_reply_key" ("id" text not null, "token" text not null, "conversation_id" text not null, "recipient_type" text check ("recipient_type" in ('member', 'user', 'address')) not null, "recipient_id" text not null, "key_version" integer not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "affiliate_reply_key_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_reply_key_deleted_at" ON "affiliate_reply_key" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_reply_key_token_unique" ON "affiliate_reply_key" ("token") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_reply_key_conversation" ON "affiliate_reply_key" ("conversation_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "affiliate_inbound_email" cascade;`);

    this.addSql(`drop table if exists "affiliate_reply_key" cascade;`);
  }

}
