import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * Written by hand: the data model DSL cannot declare trigram indexes. They
 * keep the inbox `q` search (affiliate name/email, message text) an index
 * scan instead of `ILIKE '%x%'` over every message. pg_trgm ships with
 * PostgreSQL and is a trusted extension: the database owner may create it.
 */
export class Migration20261123165100 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create extension if not exists pg_trgm;`)
    this.addSql(
      `create index if not exists "IDX_affiliate_message_body_trgm" on "affiliate_message" using gin ("body" gin_trgm_ops) where deleted_at is null;`
    )
    this.addSql(
      `create index if not exists "IDX_affiliate_conversation_search_trgm" on "affiliate_conversation" using gin ("affiliate_name" gin_trgm_ops, "affiliate_email" gin_trgm_ops) where deleted_at is null;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_affiliate_message_body_trgm";`)
    this.addSql(`drop index if exists "IDX_affiliate_conversation_search_trgm";`)
  }
}
