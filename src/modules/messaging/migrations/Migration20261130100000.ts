import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * Written by hand: the inbox counts without counting. `count(*)` over every
 * conversation grew with the program (100k conversations made the inbox
 * four times slower than at 1k), so PostgreSQL keeps a tally of inbox rows
 * per (group, manager, status, unread) in `affiliate_inbox_tally`; a count
 * filtered by any of these is a sum over a few hundred rows.
 *
 * Statement triggers on `affiliate_conversation` append signed deltas in
 * the writing transaction, so counts are exactly as consistent as the rows.
 * Appending, never updating, keeps concurrent sends from queueing on a hot
 * counter row (or deadlocking on two); `affiliate_inbox_tally_compact()`,
 * run by a scheduled job, folds the deltas into one row per key.
 * Only conversations with a message, not soft-deleted, are in the inbox.
 * Why, what it gains and how to remove it: decisions 0002 and 0003.
 */
const IN_INBOX = `deleted_at is null and last_message_at is not null`
const KEYS = `affiliate_group_id, affiliate_manager_id, affiliate_status, owner_unread`

export class Migration20261130100000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table if not exists "affiliate_inbox_tally" (
      "affiliate_group_id" text null,
      "affiliate_manager_id" text null,
      "affiliate_status" text not null,
      "owner_unread" boolean not null,
      "n" bigint not null
    );`)

    // transition tables: a bulk insert or a group's re-sync is one grouped
    // insert, and an update that moves nothing (most sends) writes nothing
    this.addSql(`create or replace function affiliate_inbox_tally_record() returns trigger language plpgsql as $$
      begin
        if tg_op = 'INSERT' then
          insert into affiliate_inbox_tally (${KEYS}, n)
          select ${KEYS}, count(*) from new_rows where ${IN_INBOX} group by ${KEYS};
        elsif tg_op = 'DELETE' then
          insert into affiliate_inbox_tally (${KEYS}, n)
          select ${KEYS}, -count(*) from old_rows where ${IN_INBOX} group by ${KEYS};
        else
          insert into affiliate_inbox_tally (${KEYS}, n)
          select ${KEYS}, sum(d) from (
            select ${KEYS}, 1 as d from new_rows where ${IN_INBOX}
            union all
            select ${KEYS}, -1 as d from old_rows where ${IN_INBOX}
          ) moved group by ${KEYS} having sum(d) <> 0;
        end if;
        return null;
      end $$;`)
    this.addSql(`create or replace function affiliate_inbox_tally_clear() returns trigger language plpgsql as $$
      begin
        truncate affiliate_inbox_tally;
        return null;
      end $$;`)
    this.addSql(`create or replace function affiliate_inbox_tally_compact() returns void language sql as $$
      with folded as (delete from affiliate_inbox_tally returning *)
      insert into affiliate_inbox_tally (${KEYS}, n)
      select ${KEYS}, sum(n) from folded group by ${KEYS} having sum(n) <> 0;
    $$;`)

    // a trigger with transition tables takes one event, hence three
    for (const [event, referencing] of [
      ["insert", "new table as new_rows"],
      ["update", "old table as old_rows new table as new_rows"],
      ["delete", "old table as old_rows"],
    ]) {
      this.addSql(`drop trigger if exists "affiliate_inbox_tally_on_${event}" on "affiliate_conversation";`)
      this.addSql(`create trigger "affiliate_inbox_tally_on_${event}" after ${event} on "affiliate_conversation"
        referencing ${referencing} for each statement execute function affiliate_inbox_tally_record();`)
    }
    this.addSql(`drop trigger if exists "affiliate_inbox_tally_on_truncate" on "affiliate_conversation";`)
    this.addSql(`create trigger "affiliate_inbox_tally_on_truncate" after truncate on "affiliate_conversation"
      for each statement execute function affiliate_inbox_tally_clear();`)

    // the conversations already there
    this.addSql(`truncate "affiliate_inbox_tally";`)
    this.addSql(`insert into affiliate_inbox_tally (${KEYS}, n)
      select ${KEYS}, count(*) from affiliate_conversation where ${IN_INBOX} group by ${KEYS};`)
  }

  override async down(): Promise<void> {
    for (const event of ["insert", "update", "delete", "truncate"]) {
      this.addSql(`drop trigger if exists "affiliate_inbox_tally_on_${event}" on "affiliate_conversation";`)
    }
    this.addSql(`drop function if exists affiliate_inbox_tally_record();`)
    this.addSql(`drop function if exists affiliate_inbox_tally_clear();`)
    this.addSql(`drop function if exists affiliate_inbox_tally_compact();`)
    this.addSql(`drop table if exists "affiliate_inbox_tally";`)
  }
}
