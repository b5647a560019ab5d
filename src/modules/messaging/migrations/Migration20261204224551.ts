import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261204224551 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "affiliate_message" add column if not exists "source" text check ("source" in ('app', 'email')) not null default 'app', add column if not exists "broadcast_id" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "affiliate_message" drop column if exists "source", drop column if exists "broadcast_id";`);
  }

}
