import { createHash } from "node:crypto"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { logger } from "@medusajs/framework/logger"

/**
 * Named prepared statements for the hot reads (decision 0041). Postgres
 * plans an unnamed statement on every run; for the plugin's point reads
 * (a member's access, its badge, a thread page, a conversation list)
 * planning was 75–85 % of their database time, 0.25–0.55 ms each. A named
 * statement is parsed and planned once per connection; after five runs
 * Postgres keeps a generic plan when it costs no more than the custom ones.
 *
 * knex hands a query's `options` to node-postgres as its query config
 * (`knex/lib/dialects/postgres`, `_query`), and node-postgres prepares a
 * query that has a `name` once per connection: this file is the one place
 * that relies on it (guarded by prepared-statements.spec.ts).
 */

/**
 * What Postgres answers when a pooler between it and the plugin does not
 * keep a connection's prepared statements (PgBouncer's transaction mode
 * before 1.21, without `max_prepared_statements`): the statement is missing
 * on the server connection the pooler picked, or already there under the
 * name from another client.
 */
const LOST_STATEMENT_CODES = new Set(["26000", "42P05"])

let enabled = true

/** `<label>_<hash of the text>`: each variant of a statement is its own prepared statement. */
export function statementName(label: string, sql: string): string {
  return `affmsg_${label}_${createHash("sha1").update(sql).digest("hex").slice(0, 12)}`
}

/**
 * Runs `sql` as the prepared statement `label` on `knex` (the pool, or the
 * caller's transaction). Where the pooler loses prepared statements, the
 * first failure turns them off for this process, with a warning, and the
 * statement runs again unnamed; inside a transaction the failure is the
 * caller's (the transaction is aborted), and its retry runs unnamed.
 */
export async function runPrepared<Row>(
  knex: Knex,
  label: string,
  sql: string,
  bindings: readonly Knex.RawBinding[]
): Promise<Row[]> {
  if (!enabled) {
    return (await knex.raw(sql, bindings)).rows as Row[]
  }
  try {
    return (await knex.raw(sql, bindings).options({ name: statementName(label, sql) })).rows as Row[]
  } catch (error) {
    if (!LOST_STATEMENT_CODES.has((error as { code?: string }).code ?? "")) {
      throw error
    }
    enabled = false
    logger.warn(
      "affiliate messaging: the database connection does not keep prepared statements (a pooler in transaction " +
        `mode?); statements are planned on every run from now on in this process (${(error as Error).message})`
    )
    if (knex.isTransaction) {
      throw error
    }
    return (await knex.raw(sql, bindings)).rows as Row[]
  }
}

/** For tests: whether this process still names statements, and a way to start over. */
export const preparedStatementsEnabled = () => enabled
export function resetPreparedStatements() {
  enabled = true
}
