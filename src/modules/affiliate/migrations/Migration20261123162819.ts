import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261123162819 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "affiliate_member" drop constraint if exists "affiliate_member_email_unique";`);
    this.addSql(`alter table if exists "affiliate_invite" drop constraint if exists "affiliate_invite_token_hash_unique";`);
    this.addSql(`alter table if exists "affiliate" drop constraint if exists "affiliate_email_unique";`);
    this.addSql(`alter table if exists "affiliate_group" drop constraint if exists "affiliate_group_name_unique";`);
    this.addSql(`create table if not exists "affiliate_group" ("id" text not null, "name" text not null, "messaging_enabled" boolean not null default true, "messaging_disabled_message" text null, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "affiliate_group_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_group_deleted_at" ON "affiliate_group" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_affiliate_group_name_unique" ON "affiliate_group" ("name") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "affiliate" ("id" text not null, "name" text not null, "email" text not null, "status" text check ("status" in ('pending', 'active', 'declined', 'suspended')) not null default 'pending', "manager_id" text null, "metadata" jsonb null, "group_id" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "affiliate_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_group_id" ON "affiliate" ("group_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_deleted_at" ON "affiliate" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_affiliate_email_unique" ON "affiliate" ("email") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_status" ON "affiliate" ("status") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_manager_id" ON "affiliate" ("manager_id") WHERE deleted_at IS NULL AND manager_id IS NOT NULL;`);

    this.addSql(`create table if not exists "affiliate_invite" ("id" text not null, "email" text not null, "token_hash" text not null, "expires_at" timestamptz not null, "accepted_at" timestamptz null, "affiliate_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "affiliate_invite_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_invite_affiliate_id" ON "affiliate_invite" ("affiliate_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_invite_deleted_at" ON "affiliate_invite" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_affiliate_invite_token_hash_unique" ON "affiliate_invite" ("token_hash") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "affiliate_member" ("id" text not null, "email" text not null, "first_name" text null, "last_name" text null, "role" text check ("role" in ('owner', 'member')) not null default 'member', "email_notifications" boolean not null default true, "affiliate_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "affiliate_member_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_member_affiliate_id" ON "affiliate_member" ("affiliate_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_member_deleted_at" ON "affiliate_member" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_affiliate_member_email_unique" ON "affiliate_member" ("email") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "affiliate" add constraint "affiliate_group_id_foreign" foreign key ("group_id") references "affiliate_group" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table if exists "affiliate_invite" add constraint "affiliate_invite_affiliate_id_foreign" foreign key ("affiliate_id") references "affiliate" ("id") on update cascade;`);

    this.addSql(`alter table if exists "affiliate_member" add constraint "affiliate_member_affiliate_id_foreign" foreign key ("affiliate_id") references "affiliate" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "affiliate" drop constraint if exists "affiliate_group_id_foreign";`);

    this.addSql(`alter table if exists "affiliate_invite" drop constraint if exists "affiliate_invite_affiliate_id_foreign";`);

    this.addSql(`alter table if exists "affiliate_member" drop constraint if exists "affiliate_member_affiliate_id_foreign";`);

    this.addSql(`drop table if exists "affiliate_group" cascade;`);

    this.addSql(`drop table if exists "affiliate" cascade;`);

    this.addSql(`drop table if exists "affiliate_invite" cascade;`);

    this.addSql(`drop table if exists "affiliate_member" cascade;`);
  }

}
