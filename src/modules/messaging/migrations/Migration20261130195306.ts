import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261130195306 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "affiliate_conversation" add column if not exists "member_first_name" text null, add column if not exists "member_last_name" text null, add column if not exists "member_email" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "affiliate_conversation" drop column if exists "member_first_name", drop column if exists "member_last_name", drop column if exists "member_email";`);
  }

}
