import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261205005255 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "affiliate_imap_cursor" drop constraint if exists "imap_cursor_mailbox_unique";`);
    this.addSql(`create table if not exists "affiliate_imap_cursor" ("id" text not null, "mailbox_key" text not null, "uid_validity" text null, "last_uid" text null, "lease_owner" text null, "lease_until" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "affiliate_imap_cursor_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_imap_cursor_deleted_at" ON "affiliate_imap_cursor" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_imap_cursor_mailbox_unique" ON "affiliate_imap_cursor" ("mailbox_key") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "affiliate_imap_cursor" cascade;`);
  }

}
