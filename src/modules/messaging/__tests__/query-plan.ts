/** One node of `EXPLAIN (ANALYZE, FORMAT JSON)`, the fields the plan assertions read. */
export type PlanNode = {
  "Node Type": string
  "Relation Name"?: string
  "Index Name"?: string
  /** Per loop; PostgreSQL 18 reports fractions (rows=50.00). */
  "Actual Rows": number
  "Actual Loops": number
  Plans?: PlanNode[]
}

/**
 * Runs `EXPLAIN (ANALYZE, FORMAT JSON)` and returns every node of the plan,
 * subplans included, so assertions name what matters (the index a scan
 * used, the rows it read, the rows a sort sorted) instead of matching the
 * text, whose shape changes between PostgreSQL versions (16 and later show
 * an ordered aggregate's sort as its own node; 15 sorts inside the aggregate).
 */
export async function analyzedPlanNodes(
  execute: (text: string, bindings: unknown[]) => Promise<any[]>,
  text: string,
  bindings: unknown[],
): Promise<PlanNode[]> {
  const [row] = await execute(`explain (analyze, format json) ${text}`, bindings)
  const raw = row["QUERY PLAN"]
  const [{ Plan }] = typeof raw === "string" ? JSON.parse(raw) : raw
  const nodes: PlanNode[] = []
  const walk = (node: PlanNode) => {
    nodes.push(node)
    node.Plans?.forEach(walk)
  }
  walk(Plan)
  return nodes
}
