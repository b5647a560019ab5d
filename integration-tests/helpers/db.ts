/** Row counts of the plugin's tables: proof that a refused request wrote nothing. */
export async function countRows(dbConnection: any, tables: string[]) {
  const counts: Record<string, number> = {}
  for (const table of tables) {
    const result = await dbConnection.raw(`select count(*)::int as n from "${table}"`)
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
