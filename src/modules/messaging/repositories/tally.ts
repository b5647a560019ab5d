import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { Context } from "@medusajs/framework/types"
import { SqlRepository } from "../../../utils/repository-sql"

/**
 * The inbox tally (decision 0002): conversations counted by group,
 * manager, status and unread in `affiliate_inbox_tally`, kept by the
 * statement triggers of decision 0003. The rows are signed deltas:
 * `conversation_delta` is each one's change in the count.
 */
export class TallyRepository extends SqlRepository {
  /**
   * The count of inbox conversations matching `filter`, as a select item
   * named `as`; `filter` sees the tally's rows as `c`, with the
   * conversation's column names.
   */
  sumStatement(knex: Knex, as: string, filter: (rows: Knex.QueryBuilder) => unknown): Knex.QueryBuilder {
    const rows = knex({ c: "affiliate_inbox_tally" }).select(knex.raw("coalesce(sum(c.conversation_delta), 0)"))
    filter(rows)
    return rows.as(as)
  }

  /**
   * Folds the deltas into one row per key: the tally stays a few hundred
   * rows however many messages were sent since.
   */
  async compact(ctx: Context): Promise<void> {
    await this.rows(ctx, this.knex(ctx).raw("select affiliate_inbox_tally_compact()"))
  }
}
