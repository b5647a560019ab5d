import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * A broadcast sent as soon as it is created has no `scheduled_at` (null)
 * instead of its creation time, so the field says what the admin asked
 * for. The earlier build's sent-at-once rows are recognised by the rule
 * its admin pages used (scheduled within a minute of creation).
 */
export class Migration20261205090000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table if exists "affiliate_broadcast" alter column "scheduled_at" drop not null;`)
    this.addSql(
      `update "affiliate_broadcast" set "scheduled_at" = null where "scheduled_at" <= "created_at" + interval '1 minute';`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`update "affiliate_broadcast" set "scheduled_at" = "created_at" where "scheduled_at" is null;`)
    this.addSql(`alter table if exists "affiliate_broadcast" alter column "scheduled_at" set not null;`)
  }
}
