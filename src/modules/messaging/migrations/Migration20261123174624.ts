import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261123174624 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "affiliate_message_attachment" ("id" text not null, "file_id" text not null, "filename" text not null, "mime_type" text not null, "size" integer not null, "uploader_type" text check ("uploader_type" in ('owner', 'affiliate')) not null, "uploader_id" text not null, "message_id" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "affiliate_message_attachment_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_message_attachment_message_id" ON "affiliate_message_attachment" ("message_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_message_attachment_deleted_at" ON "affiliate_message_attachment" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_message_attachment_uploader" ON "affiliate_message_attachment" ("uploader_type", "uploader_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_message_attachment_unsent" ON "affiliate_message_attachment" ("created_at") WHERE message_id IS NULL AND deleted_at IS NULL;`);

    this.addSql(`alter table if exists "affiliate_message_attachment" add constraint "affiliate_message_attachment_message_id_foreign" foreign key ("message_id") references "affiliate_message" ("id") on update cascade on delete set null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "affiliate_message_attachment" cascade;`);
  }

}
