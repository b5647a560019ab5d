import fs from "node:fs"
import path from "node:path"
import { round } from "./load.mjs"

/** The goals of the product, as the ratios they are judged by (≤ or ≥ `limit`). */
export const TARGETS = {
  inbox_p95_over_floor: { limit: 1.5, better: "lower", means: "inbox list p95 / admin floor p95, worst scale and path of equal work (every filter, name and rare-word search)" },
  search_common_p95_over_floor: { limit: 4, better: "lower", means: "inbox search for the common word (hits grow 10× a scale) p95 / admin floor p95, at the largest scale" },
  thread_p95_over_floor: { limit: 1.5, better: "lower", means: "thread page (50 messages) p95 / its side's floor p95, worst side and scale" },
  badge_p95_over_store_floor: { limit: 1.5, better: "lower", means: "GET /store/affiliates/me/messaging p95 / store floor p95, worst scale" },
  flatness_L_over_S: { limit: 1.2, better: "lower", means: "p95 at the largest scale / p95 at S, worst read hot path of equal work (the common-word search apart)" },
  send_slow_smtp_over_fast: { limit: 1.1, better: "lower", means: "owner send p95 with a 2 s SMTP server / with an instant one" },
  send_p95_over_medusa_write: { limit: 1, better: "lower", means: "owner or affiliate send p95 (the slower) / POST /admin/customers p95 (Medusa's create-customer workflow), worst scale" },
  emails_per_s_per_worker: { limit: 400, better: "higher", means: "emails per second one worker hands to a local SMTP server, the median of 3 rounds of 2,000" },
  plugin_rss_mb: { limit: 30, better: "lower", means: "server RSS with the plugin minus without (MB), the idle server settled" },
  stream_kb_per_connection: { limit: 64, better: "lower", means: "server heap + external memory after a full collection, per idle admin stream (KB), 1,000 open past a heartbeat" },
  live_delivery_p95_ms: { limit: 1000, better: "lower", means: "owner send (request sent) → message.created on an admin stream, p95 (ms)" },
  inbound_emails_per_s_per_worker: { limit: null, better: "higher", means: "replies through the SMTP receiver until posted, per second, one worker (--inbound; no goal set)" },
}

// the equal-work read paths: every one but the common-word search
const EQUAL_WORK_RATIOS = new Set(["inbox", "thread", "badge"])

const READ_PATHS = (paths) => Object.entries(paths).filter(([, s]) => EQUAL_WORK_RATIOS.has(s.ratio)).map(([name]) => name)

export function buildReport({ machine, settings, results, paths, slowSend, email, inbound, memory, live, plans }) {
  const scaleNames = Object.keys(results)
  const floorOf = (scale, side) => results[scale].paths[side === "admin" ? "floor_admin" : "floor_store"].p95
  const overFloor = {}
  for (const scale of scaleNames) {
    overFloor[scale] = {}
    for (const [name, spec] of Object.entries(paths)) {
      if (!spec.floor) overFloor[scale][name] = round(results[scale].paths[name].p95 / floorOf(scale, spec.side))
    }
  }
  const worst = (names) => {
    let best = { value: -Infinity }
    for (const scale of scaleNames) {
      for (const name of names) {
        if (overFloor[scale][name] > best.value) best = { value: overFloor[scale][name], path: name, scale }
      }
    }
    return best
  }
  const ofRatio = (ratio) => Object.entries(paths).filter(([, s]) => s.ratio === ratio).map(([name]) => name)

  const first = scaleNames[0]
  const last = scaleNames[scaleNames.length - 1]
  const flatness = {}
  for (const name of READ_PATHS(paths)) {
    flatness[name] = round(results[last].paths[name].p95 / results[first].paths[name].p95)
  }
  const flattest = Object.entries(flatness).sort((a, b) => b[1] - a[1])[0]
  const inbox = worst(ofRatio("inbox"))
  const thread = worst(ofRatio("thread"))
  const badge = worst(ofRatio("badge"))
  const fastSend = results[last].paths.send_owner
  const searchCommon = overFloor[last].inbox_search_text
  // the slower send over Medusa's own write, each scale
  const sendOverWrite = Object.fromEntries(
    scaleNames.map((scale) => {
      const measured = results[scale].paths
      return [scale, round(Math.max(measured.send_owner.p95, measured.send_affiliate.p95) / measured.medusa_customers.p95)]
    })
  )

  const ratios = {
    inbox_p95_over_floor: inbox.value,
    search_common_p95_over_floor: searchCommon,
    thread_p95_over_floor: thread.value,
    badge_p95_over_store_floor: badge.value,
    flatness_L_over_S: scaleNames.length > 1 ? flattest[1] : null,
    send_slow_smtp_over_fast: round(slowSend.p95 / fastSend.p95),
    send_p95_over_medusa_write: Math.max(...Object.values(sendOverWrite)),
    emails_per_s_per_worker: email.per_second,
    plugin_rss_mb: memory.plugin_mb,
    stream_kb_per_connection: live.stream_kb_per_connection ?? null,
    live_delivery_p95_ms: live.live_delivery_p95_ms ?? null,
    inbound_emails_per_s_per_worker: inbound?.per_second ?? null,
  }
  const seqScans = Object.entries(plans).flatMap(([name, p]) => p.watched_seq_scans.map((s) => ({ path: name, ...s })))
  return {
    date: new Date().toISOString(),
    machine,
    settings,
    scales: Object.fromEntries(scaleNames.map((scale) => [scale, { ...results[scale], p95_over_floor: overFloor[scale] }])),
    ratios,
    ratio_details: {
      inbox_worst: inbox,
      thread_worst: thread,
      badge_worst: badge,
      flatness_per_path: flatness,
      flatness_scales: `${last}/${first}`,
      search_common_p95_over_floor_per_scale: Object.fromEntries(scaleNames.map((s) => [s, overFloor[s].inbox_search_text])),
      search_common_flatness: round(results[last].paths.inbox_search_text.p95 / results[first].paths.inbox_search_text.p95),
      send_p95_over_medusa_write_per_scale: sendOverWrite,
      send_fast: fastSend,
      send_slow_smtp: slowSend,
      medusa_products_p95_over_floor: Object.fromEntries(scaleNames.map((s) => [s, overFloor[s].medusa_products])),
      // the store paths over a floor that also authenticates the affiliate
      // (Medusa's JWT check): what the plugin itself adds on the store side
      store_p95_over_affiliate_floor: Object.fromEntries(
        scaleNames.map((s) => [s, overAffiliateFloor(results[s].paths, paths)])
      ),
    },
    targets: Object.fromEntries(
      Object.entries(TARGETS).map(([key, t]) => [key, { ...t, met: meets(ratios[key], t) }])
    ),
    email,
    // reply by email: replies through the SMTP receiver until posted, one worker (shared mode)
    inbound_emails_per_s_per_worker: inbound?.per_second ?? null,
    inbound,
    memory,
    live,
    query_plans: { scale: last, seq_scans_on_messages_or_conversations: seqScans, paths: plans },
  }
}

function overAffiliateFloor(measured, paths) {
  const floor = measured.floor_store_affiliate?.p95
  if (!floor) return null
  return Object.fromEntries(
    Object.entries(paths)
      .filter(([, spec]) => spec.side === "store" && !spec.floor && !spec.send)
      .map(([name]) => [name, round(measured[name].p95 / floor)])
  )
}

const meets = (value, target) =>
  value === null || value === undefined || target.limit === null ? null : target.better === "lower" ? value <= target.limit : value >= target.limit

const pad = (value, width) => String(value).padStart(width)

export function printScale(scale, result, paths) {
  const floors = { admin: result.paths.floor_admin.p95, store: result.paths.floor_store.p95 }
  const lines = [
    "",
    `Scale ${scale}: ${result.counts.affiliates} affiliates, ${result.counts.conversations} conversations, ${result.counts.messages} messages`,
    `${"path".padEnd(22)}${pad("req/s", 9)}${pad("p50 ms", 9)}${pad("p95 ms", 9)}${pad("p99 ms", 9)}${pad("errors", 8)}${pad("p95/floor", 14)}`,
  ]
  for (const [name, m] of Object.entries(result.paths)) {
    const spec = paths[name]
    const ratio = spec.floor ? "floor" : `${round(m.p95 / floors[spec.side])}× ${spec.side}`
    lines.push(`${name.padEnd(22)}${pad(m.rps, 9)}${pad(m.p50, 9)}${pad(m.p95, 9)}${pad(m.p99, 9)}${pad(m.errors, 8)}${pad(ratio, 14)}`)
  }
  console.log(lines.join("\n"))
}

export function printSummary(report) {
  const lines = ["", "Ratios (goal):"]
  for (const [key, value] of Object.entries(report.ratios)) {
    const t = report.targets[key]
    const verdict = t.met === null ? "n/a" : t.met ? "met" : "NOT MET"
    const goal = t.limit === null ? "no goal" : `${t.better === "lower" ? "≤" : "≥"} ${t.limit}`
    lines.push(`  ${key.padEnd(32)}${pad(value ?? "n/a", 8)}   ${goal}   ${verdict}`)
  }
  const scans = report.query_plans.seq_scans_on_messages_or_conversations
  lines.push(
    "",
    scans.length
      ? `Sequential scans on messages/conversations at ${report.query_plans.scale}: ${scans.map((s) => `${s.path} → ${s.relation}`).join(", ")}`
      : `No sequential scan on messages or conversations in any hot path at scale ${report.query_plans.scale}.`,
    `Medusa's GET /admin/products?limit=20 p95 over the admin floor: ${Object.entries(report.ratio_details.medusa_products_p95_over_floor).map(([s, v]) => `${s} ${v}×`).join(", ")}`,
    affiliateFloorLine(report)
  )
  console.log(lines.join("\n"))
}

function affiliateFloorLine(report) {
  const byScale = Object.entries(report.ratio_details.store_p95_over_affiliate_floor).filter(([, v]) => v)
  return `Store paths p95 over the affiliate floor (store floor + Medusa's affiliate authentication): ${byScale
    .map(([scale, ratios]) => `${scale} ${Object.entries(ratios).map(([name, v]) => `${name} ${v}×`).join(", ")}`)
    .join("; ")}`
}

/** bench/results/<date>.json and .md (the PNG path is returned for the chart). */
export function writeReport(dir, report) {
  fs.mkdirSync(dir, { recursive: true })
  const stamp = report.date.slice(0, 10)
  const files = {
    json: path.join(dir, `${stamp}.json`),
    md: path.join(dir, `${stamp}.md`),
    png: path.join(dir, `${stamp}.png`),
  }
  fs.writeFileSync(files.json, `${JSON.stringify(report, null, 2)}\n`)
  fs.writeFileSync(files.md, markdown(report, path.basename(files.png)))
  return files
}

function markdown(report, png) {
  const m = report.machine
  const scales = Object.keys(report.scales)
  const out = [
    `# Benchmark ${report.date.slice(0, 10)}`,
    "",
    `Machine: ${m.cores} × ${m.cpu}, ${m.memory_gb} GB, ${m.os}; Node ${m.node}; PostgreSQL ${m.postgres} (${m.database}); queue ${m.queue} (${m.redis}).`,
    `Load: autocannon, ${report.settings.connections} connections, ${report.settings.duration_s} s measured per path: read paths in ${report.settings.rounds} slices taken in turn (each after a ${report.settings.slice_warmup_s} s warm-up), sends one after the other after a ${report.settings.send_warmup_s} s warm-up; production build (\`medusa build\` + \`medusa start\`, NODE_ENV=production), one server in workerMode shared.`,
    "",
    "## Ratios",
    "",
    "| ratio | value | goal | met |",
    "|---|---|---|---|",
    ...Object.entries(report.ratios).map(([key, value]) => {
      const t = report.targets[key]
      const goal = t.limit === null ? "none set" : `${t.better === "lower" ? "≤" : "≥"} ${t.limit}`
      return `| \`${key}\` | ${value ?? "n/a"} | ${goal} | ${t.met === null ? "n/a" : t.met ? "yes" : "**no**"} |`
    }),
    "",
    `![p95 latency by scale](${png})`,
    "",
  ]
  for (const scale of scales) {
    const r = report.scales[scale]
    out.push(
      `## Scale ${scale}: ${r.counts.affiliates} affiliates, ${r.counts.conversations} conversations, ${r.counts.messages} messages`,
      "",
      "| path | req/s | p50 ms | p95 ms | p99 ms | errors | p95 / floor |",
      "|---|---|---|---|---|---|---|",
      ...Object.entries(r.paths).map(
        ([name, p]) => `| ${name} | ${p.rps} | ${p.p50} | ${p.p95} | ${p.p99} | ${p.errors} | ${r.p95_over_floor[name] ?? "floor"} |`
      ),
      ""
    )
  }
  const scans = report.query_plans.seq_scans_on_messages_or_conversations
  out.push(
    "## Query plans",
    "",
    scans.length
      ? `Sequential scans on messages or conversations at ${report.query_plans.scale}: ${scans.map((s) => `${s.path} → ${s.relation}`).join(", ")}.`
      : `Every statement of every hot path at scale ${report.query_plans.scale} was run under EXPLAIN (ANALYZE, BUFFERS): no sequential scan on messages or conversations.`,
    "",
    affiliateFloorLine(report) + ".",
    "",
    `Email: ${report.email.emails} emails in ${report.email.seconds} s by ${report.email.workers} worker = ${report.email.per_second}/s${report.email.rounds ? ` (the median of ${report.email.rounds.length} rounds: ${report.email.rounds.map((r) => r.per_second).join(", ")}/s)` : ""}.` +
      (report.inbound?.error
        ? ` Reply by email: failed (${report.inbound.error}).`
        : report.inbound
        ? ` Reply by email: ${report.inbound.emails} replies from ${report.inbound.members} members over ${report.inbound.connections} SMTP connections posted in ${report.inbound.seconds} s by ${report.inbound.workers} worker = ${report.inbound.per_second} inbound emails/s.`
        : "") +
      ` Memory (medians of ${report.memory.starts} starts each): settled ${report.memory.settle_s} s after the warm-up ${report.memory.with_plugin_mb} MB with the plugin, ${report.memory.without_plugin_mb} MB without (+${report.memory.plugin_mb}); 2 s after it ${report.memory.after_warmup.with_plugin_mb} and ${report.memory.after_warmup.without_plugin_mb} MB (+${report.memory.after_warmup.plugin_mb}).`,
    "",
    report.live.error ? `Live updates: failed (${report.live.error}).` : `Live updates (${report.live.measured_on}): ${report.live.idle_streams} idle admin streams took the server's live memory (heap + external after a full collection) from ${report.live.live_memory_before_mb} to ${report.live.live_memory_after_mb} MB = ${report.live.stream_kb_per_connection} KB a stream (RSS ${report.live.rss_before_mb} → ${report.live.rss_after_mb} MB); ${report.live.deliveries} owner sends to message.created on an admin stream: p50 ${report.live.delivery_p50_ms} ms, p95 ${report.live.live_delivery_p95_ms} ms, max ${report.live.delivery_max_ms} ms.`,
    ""
  )
  return out.join("\n")
}
