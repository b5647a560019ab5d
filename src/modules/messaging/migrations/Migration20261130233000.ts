import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * Written by hand: the data model DSL cannot declare generated columns.
 * The inbox's name/email search matches `search_key`, the affiliate's name
 * and email lowercased once on write, with `LIKE`: `ILIKE` lowercases both
 * columns of every row it looks at, which in a small store (where the
 * planner rightly scans the table) was most of a search. The line break
 * keeps a query from matching across name and email: both are one line,
 * and the search leaves a `q` with a line break to message text.
 */
export class Migration20261130233000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table if exists "affiliate_conversation" add column if not exists "search_key" text generated always as (lower("affiliate_name" || E'\\n' || "affiliate_email")) stored;`
    )
    this.addSql(
      `create index if not exists "IDX_affiliate_conversation_search_key_trgm" on "affiliate_conversation" using gin ("search_key" gin_trgm_ops) where deleted_at is null;`
    )
    this.addSql(`drop index if exists "IDX_affiliate_conversation_search_trgm";`)
  }

  override async down(): Promise<void> {
    this.addSql(
      `create index if not exists "IDX_affiliate_conversation_search_trgm" on "affiliate_conversation" using gin ("affiliate_name" gin_trgm_ops, "affiliate_email" gin_trgm_ops) where deleted_at is null;`
    )
    this.addSql(`drop index if exists "IDX_affiliate_conversation_search_key_trgm";`)
    this.addSql(`alter table if exists "affiliate_conversation" drop column if exists "search_key";`)
  }
}
