import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261204212116 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "affiliate_invite" add column if not exists "token_salt" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "affiliate_invite" drop column if exists "token_salt";`);
  }

}
