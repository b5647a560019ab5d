import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261123165022 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "affiliate_messaging_setting" drop constraint if exists "messaging_setting_scope_unique";`);
    this.addSql(`alter table if exists "affiliate_member_read_state" drop constraint if exists "member_read_state_unique";`);
    this.addSql(`alter table if exists "affiliate_conversation" drop constraint if exists "conversation_member_unique";`);
    this.addSql(`alter table if exists "affiliate_conversation" drop constraint if exists "conversation_team_unique";`);
    this.addSql(`create table if not exists "affiliate_conversation" ("id" text not null, "affiliate_id" text not null, "member_id" text null, "affiliate_name" text not null, "affiliate_email" text not null, "affiliate_status" text check ("affiliate_status" in ('pending', 'active', 'declined', 'suspended')) not null, "affiliate_group_id" text null, "affiliate_manager_id" text null, "last_message_at" timestamptz null, "last_message_preview" text null, "last_owner_message_at" timestamptz null, "message_count" integer not null default 0, "owner_unread" boolean not null default false, "owner_read_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "affiliate_conversation_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_conversation_deleted_at" ON "affiliate_conversation" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_conversation_team_unique" ON "affiliate_conversation" ("affiliate_id") WHERE member_id IS NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_conversation_member_unique" ON "affiliate_conversation" ("affiliate_id", "member_id") WHERE member_id IS NOT NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_conversation_activity" ON "affiliate_conversation" ("last_message_at", "id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_conversation_owner_unread" ON "affiliate_conversation" ("last_message_at", "id") WHERE owner_unread = true AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_conversation_status_activity" ON "affiliate_conversation" ("affiliate_status", "last_message_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_conversation_group_activity" ON "affiliate_conversation" ("affiliate_group_id", "last_message_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_conversation_manager_activity" ON "affiliate_conversation" ("affiliate_manager_id", "last_message_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_conversation_member_id" ON "affiliate_conversation" ("member_id") WHERE member_id IS NOT NULL AND deleted_at IS NULL;`);

    this.addSql(`create table if not exists "affiliate_member_read_state" ("id" text not null, "member_id" text not null, "last_read_at" timestamptz not null, "conversation_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "affiliate_member_read_state_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_member_read_state_conversation_id" ON "affiliate_member_read_state" ("conversation_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_member_read_state_deleted_at" ON "affiliate_member_read_state" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_member_read_state_unique" ON "affiliate_member_read_state" ("conversation_id", "member_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "affiliate_message" ("id" text not null, "author_type" text check ("author_type" in ('owner', 'affiliate', 'system')) not null, "author_id" text null, "author_name" text not null, "body" text not null, "conversation_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "affiliate_message_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_message_conversation_id" ON "affiliate_message" ("conversation_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_message_deleted_at" ON "affiliate_message" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_message_conversation_order" ON "affiliate_message" ("conversation_id", "created_at", "id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "affiliate_messaging_setting" ("id" text not null, "scope" text not null default 'global', "enabled" boolean not null default true, "notification_emails" text[] not null default '{}', "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "affiliate_messaging_setting_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_messaging_setting_deleted_at" ON "affiliate_messaging_setting" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_messaging_setting_scope_unique" ON "affiliate_messaging_setting" ("scope") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "affiliate_member_read_state" add constraint "affiliate_member_read_state_conversation_id_foreign" foreign key ("conversation_id") references "affiliate_conversation" ("id") on update cascade;`);

    this.addSql(`alter table if exists "affiliate_message" add constraint "affiliate_message_conversation_id_foreign" foreign key ("conversation_id") references "affiliate_conversation" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "affiliate_member_read_state" drop constraint if exists "affiliate_member_read_state_conversation_id_foreign";`);

    this.addSql(`alter table if exists "affiliate_message" drop constraint if exists "affiliate_message_conversation_id_foreign";`);

    this.addSql(`drop table if exists "affiliate_conversation" cascade;`);

    this.addSql(`drop table if exists "affiliate_member_read_state" cascade;`);

    this.addSql(`drop table if exists "affiliate_message" cascade;`);

    this.addSql(`drop table if exists "affiliate_messaging_setting" cascade;`);
  }

}
