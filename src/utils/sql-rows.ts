import type { EntityManager } from "@medusajs/framework/mikro-orm/knex"

/**
 * Runs SQL with `?` bindings, in the manager's transaction when it has one,
 * and returns its rows (what `returning` gave, for writes). Through knex,
 * so the bindings travel to Postgres as parameters: MikroORM's `execute`
 * first inlines each one into the text, escaped, which was a tenth of a
 * list page's CPU in Node.
 */
export async function sqlRows<Row = any>(
  manager: EntityManager,
  sql: string,
  bindings: readonly unknown[] = []
): Promise<Row[]> {
  const query = manager.getKnex().raw(sql, bindings as any[])
  const transaction = manager.getTransactionContext()
  if (transaction) {
    query.transacting(transaction)
  }
  return (await query).rows
}
