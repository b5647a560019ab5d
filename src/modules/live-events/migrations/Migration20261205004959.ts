import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261205004959 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "affiliate_live_event" ("id" text not null, "seq" serial, "name" text not null, "conversation_id" text null, "affiliate_id" text null, "member_id" text null, "group_id" text null, "data" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "affiliate_live_event_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_live_event_deleted_at" ON "affiliate_live_event" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_affiliate_live_event_seq" ON "affiliate_live_event" ("seq") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_live_event_created_at" ON "affiliate_live_event" ("created_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "affiliate_stream_ticket" ("id" text not null, "token_hash" text not null, "member_id" text not null, "session_id" text null, "auth_expires_at" timestamptz null, "expires_at" timestamptz not null, "used_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "affiliate_stream_ticket_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_stream_ticket_deleted_at" ON "affiliate_stream_ticket" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_affiliate_stream_ticket_token_hash" ON "affiliate_stream_ticket" ("token_hash") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_stream_ticket_expires_at" ON "affiliate_stream_ticket" ("expires_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "affiliate_live_event" cascade;`);

    this.addSql(`drop table if exists "affiliate_stream_ticket" cascade;`);
  }

}
