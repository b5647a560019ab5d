/**
 * Rebuilds a run's report from its console log, for a run that measured
 * every phase but failed before writing its files (the 2026-12-05 run: its
 * query-plan server could not start). The figures are the log's; what the
 * log does not print (the slow-SMTP send, query plans) is null.
 *   node bench/lib/from-log.mjs <log> <date>
 */
import fs from "node:fs"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { renderChart } from "./chart.mjs"
import { hotPaths } from "./hot-paths.mjs"
import { buildReport, printSummary, writeReport } from "./report.mjs"

const [logFile, date] = process.argv.slice(2)
const text = fs.readFileSync(logFile, "utf8")
const paths = hotPaths({ adminToken: "", memberToken: "", key: "", adminId: "", teamThreadId: "", memberThreadId: "" })
const results = {}
for (const block of text.split("\nScale ").slice(1)) {
  const [head, , ...rows] = block.split("\n")
  const [, scale, affiliates, conversations, messages] = head.match(/^(\w+): (\d+) affiliates, (\d+) conversations, (\d+) messages/)
  const measured = {}
  for (const row of rows) {
    const cells = row.trim().split(/\s+/)
    if (!paths[cells[0]]) break
    const [name, rps, p50, p95, p99, errors] = cells
    measured[name] = { rps: Number(rps), p50: Number(p50), p95: Number(p95), p99: Number(p99), errors: Number(errors) }
  }
  results[scale] = { counts: { affiliates: +affiliates, conversations: +conversations, messages: +messages }, paths: measured }
}
const number = (re) => Number(text.match(re)?.[1])
const rss = text.match(/RSS settled: ([\d.]+) MB with the plugin, ([\d.]+) MB without; 2 s after the warm-up: ([\d.]+) and ([\d.]+) MB/)
const r1 = (v) => Math.round(v * 10) / 10
const memory = {
  starts: 5, settle_s: 30,
  with_plugin_mb: +rss[1], without_plugin_mb: +rss[2], plugin_mb: r1(rss[1] - rss[2]),
  after_warmup: { with_plugin_mb: +rss[3], without_plugin_mb: +rss[4], plugin_mb: r1(rss[3] - rss[4]) },
}
const emailMatch = text.match(/(\d+) emails in ([\d.]+) s: ([\d.]+)\/s/)
const email = { emails: +emailMatch[1], seconds: +emailMatch[2], per_second: +emailMatch[3], workers: 1 }
const liveMatch = text.match(/(-?[\d.]+) KB a stream; delivery p95 ([\d.]+) ms/)
const live = { idle_streams: 1000, stream_kb_per_connection: +liveMatch[1], live_delivery_p95_ms: +liveMatch[2], deliveries: 100, measured_on: "the same process (one server, workerMode shared)" }
const inboundMatch = text.match(/(\d+) replies from (\d+) members over (\d+) connections: acknowledged in ([\d.]+) s, posted in ([\d.]+) s: ([\d.]+)\/s/)
const inbound = inboundMatch && { emails: +inboundMatch[1], members: +inboundMatch[2], connections: +inboundMatch[3], acknowledged_s: +inboundMatch[4], seconds: +inboundMatch[5], per_second: +inboundMatch[6], workers: 1 }
const report = buildReport({
  machine: { cpu: "AMD EPYC", cores: 2, memory_gb: 24, node: process.version, database: "local PostgreSQL on 5432", queue: "BullMQ on Redis", shared_with: "other sessions' test suites and builds (load average 9–14 on 2 cores during the run)" },
  settings: { connections: 8, duration_s: 8, rounds: 4, slice_warmup_s: 0.5, send_warmup_s: 2 },
  results, paths, slowSend: { p95: NaN }, email, inbound, memory, live, plans: {},
})
report.date = `${date}T00:00:00.000Z`
report.ratios.send_slow_smtp_over_fast = null
report.targets.send_slow_smtp_over_fast.met = null
report.ratio_details.send_slow_smtp = null
report.rebuilt_from_log = "the run measured every phase but its query-plan server failed to start (a concurrent build of the storefront package removed its dist): figures from its console log; the slow-SMTP send and query plans were not printed and are null"
report.ratios.stream_kb_per_connection = null
report.targets.stream_kb_per_connection.met = null
report.query_plans.not_measured = true
report.live.live_note = "RSS fell while the 1,000 streams were open (garbage collection on a loaded machine): the per-stream figure is noise, not a measurement"
printSummary(report)
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..")
const files = writeReport(path.join(root, "bench/results"), report)
// the report's sentence on plans assumes they were checked
fs.writeFileSync(files.md, fs.readFileSync(files.md, "utf8").replace(/^Every statement of every hot path.*$/m, "Query plans: not checked in this run (its query-plan server failed to start).").replace(/^(# Benchmark .*)$/m, `$1\n\nRebuilt from the run's console log: ${report.rebuilt_from_log}. ${report.live.live_note}. The machine was shared: ${report.machine.shared_with}.`))
await renderChart(report, files.png)
console.log(files)
