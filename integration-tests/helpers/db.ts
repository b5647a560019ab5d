/**
 * The inbox tally's rows come and go as its job folds them: what it counts
 * (conversations in the inbox) is what a write would change.
 */
const COUNTED_AS: Record<string, string> = { affiliate_inbox_tally: "coalesce(sum(conversation_delta), 0)::int" }

/** Row counts of the plugin's tables: proof that a refused request wrote nothing. */
export async function countRows(dbConnection: any, tables: string[]) {
  const counts: Record<string, number> = {}
  for (const table of tables) {
    const result = await dbConnection.raw(`select ${COUNTED_AS[table] ?? "count(*)::int"} as n from "${table}"`)
    counts[table] = result.rows[0].n
  }
  return counts
}

export const AFFILIATE_TABLES = [
  "affiliate",
  "affiliate_group",
  "affiliate_member",
  "affiliate_invite",
]

/** Every table of the plugin (all are prefixed `affiliate`), read from the database so new ones count too. */
export async function pluginTables(dbConnection: any): Promise<string[]> {
  const result = await dbConnection.raw(
    `select table_name from information_schema.tables
     where table_schema = current_schema() and (table_name = 'affiliate' or table_name like 'affiliate\\_%')
     order by table_name`
  )
  return result.rows.map((row: { table_name: string }) => row.table_name)
}
