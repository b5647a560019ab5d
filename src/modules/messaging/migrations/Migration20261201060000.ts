import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * Written by hand: the data model DSL cannot declare statistics. ANALYZE
 * (autovacuum's included) keeps the most common trigrams of the two
 * searched columns with their share of rows; inbox search reads them to
 * ask the trigram indexes only for the rare parts of a query (see
 * `repositories/sql/search-probes.ts`, which names them too, and decision
 * 0001). Statistics on expressions
 * need PostgreSQL 14; on an older server search keeps asking for every
 * trigram.
 */
const STATISTICS = [
  { name: "affiliate_conversation_search_key_trigrams", table: "affiliate_conversation", column: "search_key" },
  { name: "affiliate_message_body_trigrams", table: "affiliate_message", column: "body" },
]

export class Migration20261201060000 extends Migration {
  override async up(): Promise<void> {
    const creates = STATISTICS.map(
      ({ name, table, column }) => `create statistics if not exists "${name}" on (show_trgm("${column}")) from "${table}";`
    ).join("\n")
    this.addSql(`do $$ begin
      if current_setting('server_version_num')::int >= 140000 then
        ${creates}
      end if;
    end $$;`)
  }

  override async down(): Promise<void> {
    for (const { name } of STATISTICS) {
      this.addSql(`drop statistics if exists "${name}";`)
    }
  }
}
