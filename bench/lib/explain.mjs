import fs from "node:fs"
import { callPath } from "./hot-paths.mjs"

/** The tables whose sequential scans the product must never need on a hot path. */
const WATCHED = ["affiliate_message", "affiliate_conversation"]
const STATEMENT = /^(select|insert|update|delete|with)\b/i

/**
 * Starts a second server of the same build with the ORM's query log on
 * (`databaseLogging`), calls each hot path twice, takes the SQL the second
 * call ran, and runs each statement under EXPLAIN (ANALYZE, BUFFERS) in a
 * transaction that is rolled back (sends write). Returns per path the
 * statements, their plan's node types, and every sequential scan.
 */
export async function checkQueryPlans({ host, db, paths, log }) {
  const server = await host.start({ extraEnv: { BENCH_LOG_QUERIES: "true", LOG_LEVEL: "info" }, logName: "queries.log" })
  const results = {}
  try {
    for (const [name, spec] of Object.entries(paths)) {
      if (spec.floor) continue
      await callPath(server.url, spec)
      await settle()
      const offset = fs.statSync(server.logFile).size
      await callPath(server.url, spec)
      await settle()
      const statements = readQueries(server.logFile, offset)
      const explained = []
      for (const sql of statements) {
        explained.push(await explain(db, sql))
      }
      const seqScans = explained.flatMap((e) => e.seq_scans)
      results[name] = {
        statements: explained.length,
        max_ms: Math.max(0, ...explained.map((e) => e.execution_ms)),
        seq_scans: seqScans,
        watched_seq_scans: seqScans.filter((s) => WATCHED.includes(s.relation)),
        plans: explained,
      }
      const flagged = results[name].watched_seq_scans
      log(`  ${name}: ${explained.length} statements, slowest ${results[name].max_ms.toFixed(2)} ms` +
        (flagged.length ? `, SEQUENTIAL SCAN on ${flagged.map((s) => s.relation).join(", ")}` : ", no sequential scan on messages or conversations"))
    }
  } finally {
    await server.stop()
  }
  return results
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 300))

/** `[query] <sql> [took …]` lines the ORM wrote after `offset`, colours removed, distinct. */
function readQueries(file, offset) {
  const text = fs.readFileSync(file, "utf8").slice(offset).replace(/\x1b\[[0-9;]*m/g, "")
  const queries = new Set()
  for (const match of text.matchAll(/\[query\] ([\s\S]*?) \[took \d+ ms/g)) {
    const sql = match[1].trim()
    if (STATEMENT.test(sql)) queries.add(sql)
  }
  return [...queries]
}

async function explain(db, sql) {
  await db.query("begin")
  try {
    return await explainInTransaction(db, sql)
  } catch (error) {
    // the log's interpolated SQL could not be replayed: say so rather than guess its plan
    return { sql, error: error.message, execution_ms: 0, nodes: [], seq_scans: [] }
  } finally {
    await db.query("rollback")
  }
}

async function explainInTransaction(db, sql) {
  const { rows } = await db.query(`explain (analyze, buffers, format json) ${sql}`)
  const [plan] = rows[0]["QUERY PLAN"]
  const nodes = []
  walk(plan.Plan, nodes)
  return {
    sql: sql.length > 400 ? `${sql.slice(0, 400)}…` : sql,
    execution_ms: plan["Execution Time"],
    shared_hit_blocks: plan.Plan["Shared Hit Blocks"],
    shared_read_blocks: plan.Plan["Shared Read Blocks"],
    nodes: [...new Set(nodes.map((n) => n["Node Type"] + (n["Relation Name"] ? ` on ${n["Relation Name"]}` : "")))],
    seq_scans: nodes
      .filter((n) => n["Node Type"] === "Seq Scan")
      .map((n) => ({ relation: n["Relation Name"], rows: n["Actual Rows"] })),
  }
}

function walk(node, out) {
  out.push(node)
  for (const child of node.Plans ?? []) walk(child, out)
}
