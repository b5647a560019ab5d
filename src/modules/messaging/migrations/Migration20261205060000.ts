import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * Written by hand: the inbox tally's count column is named for what it
 * holds (`conversation_delta`, a signed change in the number of inbox
 * conversations), not `n`. The trigger function and the compaction read
 * the column by name in their bodies, which a rename does not rewrite, so
 * both are replaced in the same migration (same bodies as
 * Migration20261130100000 but for the column). Decision 0002.
 */
const IN_INBOX = `deleted_at is null and last_message_at is not null`
const KEYS = `affiliate_group_id, affiliate_manager_id, affiliate_status, owner_unread`

const tallyFunctions = (column: string) => [
  `create or replace function affiliate_inbox_tally_record() returns trigger language plpgsql as $$
    begin
      if tg_op = 'INSERT' then
        insert into affiliate_inbox_tally (${KEYS}, ${column})
        select ${KEYS}, count(*) from new_rows where ${IN_INBOX} group by ${KEYS};
      elsif tg_op = 'DELETE' then
        insert into affiliate_inbox_tally (${KEYS}, ${column})
        select ${KEYS}, -count(*) from old_rows where ${IN_INBOX} group by ${KEYS};
      else
        insert into affiliate_inbox_tally (${KEYS}, ${column})
        select ${KEYS}, sum(d) from (
          select ${KEYS}, 1 as d from new_rows where ${IN_INBOX}
          union all
          select ${KEYS}, -1 as d from old_rows where ${IN_INBOX}
        ) moved group by ${KEYS} having sum(d) <> 0;
      end if;
      return null;
    end $$;`,
  `create or replace function affiliate_inbox_tally_compact() returns void language sql as $$
    with folded as (delete from affiliate_inbox_tally returning *)
    insert into affiliate_inbox_tally (${KEYS}, ${column})
    select ${KEYS}, sum(${column}) from folded group by ${KEYS} having sum(${column}) <> 0;
  $$;`,
]

export class Migration20261205060000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "affiliate_inbox_tally" rename column "n" to "conversation_delta";`)
    tallyFunctions("conversation_delta").forEach((sql) => this.addSql(sql))
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "affiliate_inbox_tally" rename column "conversation_delta" to "n";`)
    tallyFunctions("n").forEach((sql) => this.addSql(sql))
  }
}
