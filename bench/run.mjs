#!/usr/bin/env node
/**
 * `npm run bench`: the plugin's hot paths against Medusa's own floor, on a
 * production build, at three program sizes, in one run. Prints tables and
 * ratios; writes bench/results/<date>.{json,md,png}. Options:
 *   --scale S,M,L        scales to run (default all three; L is 10k affiliates / 1M messages)
 *   --duration <s>       measured seconds per path (default 8)
 *   --rounds <n>         read paths are measured in n slices taken in turn (default 4);
 *                        sends one after the other, after a 2 s warm-up each
 *   --connections <n>    concurrent connections (default 8)
 * Honours DATABASE_URL (else localhost:5432, else embedded Postgres) and
 * REDIS_URL (else localhost:6379 when it answers, else the in-process queue).
 */
import { execFileSync } from "node:child_process"
import fs from "node:fs"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { parseArgs } from "node:util"
import pg from "pg"
import { freePort, waitForSmtp } from "../scripts/lib/free-port.mjs"
import { run } from "../scripts/lib/processes.mjs"
import { renderChart } from "./lib/chart.mjs"
import { checkQueryPlans } from "./lib/explain.mjs"
import { BenchHost } from "./lib/host.mjs"
import { hotPaths } from "./lib/hot-paths.mjs"
import { measureLive } from "./lib/live.mjs"
import { measureMemory } from "./lib/memory.mjs"
import { addBroadcastToReport, measureBroadcast } from "./lib/broadcast.mjs"
import { measureEmailThroughput } from "./lib/email.mjs"
import { measureInboundThroughput } from "./lib/inbound.mjs"
import { measure, measureInterleaved, round } from "./lib/load.mjs"
import { addBroadcastMembers, api, lengthenThread, setUpProgram } from "./lib/program.mjs"
import { buildReport, printScale, printSummary, writeReport } from "./lib/report.mjs"
import { countRows, GROUP_IDS, seedAffiliates, seedFixtures } from "./lib/seed.mjs"
import { describeMachine, dropDatabase, dropQueue, provideDatabaseServer, provideRedis, recreateDatabase, waitForIdleQueue } from "./lib/services.mjs"
import { SmtpSink } from "./lib/smtp-sink.mjs"
import { runBenchScript } from "./lib/script.mjs"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const stateDir = path.join(root, ".tmp/bench")
const SCALES = { S: 100, M: 1_000, L: 10_000 }
const ADMIN = { email: "bench@bench.test", password: "bench-admin-password" }
const DATABASE = `affmsg_bench_${process.pid}`

const { values: args } = parseArgs({
  options: {
    scale: { type: "string", default: "S,M,L" },
    duration: { type: "string", default: "8" },
    connections: { type: "string", default: "8" },
    rounds: { type: "string", default: "4" },
    // reply by email's phase (step 4b of bench/README.md): the host runs with its SMTP receiver on
    inbound: { type: "boolean", default: false },
  },
})
const scales = args.scale.split(",").map((s) => s.trim().toUpperCase())
for (const scale of scales) {
  if (!SCALES[scale]) throw new Error(`unknown scale ${scale}: use S, M and/or L`)
}
const durationS = Number(args.duration)
const connections = Number(args.connections)
const rounds = Number(args.rounds)

const log = (message) => console.log(`[bench] ${message}`)

async function main(cleanups) {
  fs.mkdirSync(stateDir, { recursive: true })
  log("building and packing the plugin…")
  const tarball = await buildAndPackPlugin()

  const dbServer = await provideDatabaseServer(stateDir)
  cleanups.push(dbServer.stop)
  const redisUrl = await provideRedis()
  const sink = await new SmtpSink().start()
  cleanups.push(() => sink.stop())
  log(`database: ${dbServer.kind}; queue: ${redisUrl ?? "in-process"}; SMTP sink: ${sink.url}`)

  const queueName = `affmsg-bench-${process.pid}`
  // runs after the server stops (cleanups run in reverse)
  cleanups.push(() => dropQueue(redisUrl, queueName))
  const inboundSmtpPort = await freePort()
  await recreateDatabase(dbServer.url, DATABASE)
  cleanups.push(() => dropDatabase(dbServer.url, DATABASE))
  const host = new BenchHost({
    root,
    dir: path.join(stateDir, "host"),
    tarball,
    env: { DATABASE_URL: dbServer.url(DATABASE), REDIS_URL: redisUrl ?? "", SMTP_URL: sink.url, AFFILIATE_QUEUE_NAME: queueName, ...(args.inbound ? { BENCH_INBOUND_SMTP_PORT: String(inboundSmtpPort) } : {}) },
  })
  log("medusa build of the bench host (production)…")
  await host.build()
  log("medusa db:migrate…")
  await host.migrate()
  await host.createAdmin(ADMIN.email, ADMIN.password)

  const db = new pg.Client({ connectionString: dbServer.url(DATABASE) })
  await db.connect()
  cleanups.push(() => db.end())
  const machine = await describeMachine(db, redisUrl)

  log("server memory with and without the plugin…")
  const memory = await measureMemory(host, { admin: ADMIN })
  log(`RSS settled: ${memory.with_plugin_mb} MB with the plugin, ${memory.without_plugin_mb} MB without; 2 s after the warm-up: ${memory.after_warmup.with_plugin_mb} and ${memory.after_warmup.without_plugin_mb} MB`)

  const server = await host.start()
  cleanups.push(server.stop)
  await seedFixtures(db)
  const program = await setUpProgram(server.url, { adminEmail: ADMIN.email, adminPassword: ADMIN.password, groupId: GROUP_IDS[0] })
  await lengthenThread(db, program.teamThreadId, 199)
  await addBroadcastMembers(db, program.broadcast.affiliate_id, 99)
  const managers = [program.adminId, "user_bench_manager_2", "user_bench_manager_3"]
  const paths = hotPaths(program)

  const results = {}
  let seeded = 0
  let emailsExpected = sink.received
  // a fresh process runs its first thousands of requests slower (JIT, pools,
  // caches): without this pass the first scale would pay for it alone
  log("warming the server up on every path…")
  for (const spec of Object.values(paths)) {
    const warm = await measure({ url: `${server.url}${spec.path}`, method: spec.method, headers: spec.headers, body: spec.body, idReplacement: spec.idReplacement, connections, durationS: 2 })
    if (spec.send) {
      emailsExpected += warm.acknowledged
    }
  }
  for (const scale of scales) {
    log(`seeding to scale ${scale} (${SCALES[scale]} affiliates)…`)
    const seconds = await seedAffiliates(db, { from: seeded, to: SCALES[scale], managers })
    seeded = SCALES[scale]
    const counts = await countRows(db)
    log(`seeded in ${round(seconds, 1)} s: ${JSON.stringify(counts)}`)
    // reads in turn; then the writes in turn as well (Medusa's own write, the
    // two sends), each slice once the emails of the one before have gone out
    // (they go from the same process and would weigh on whatever came next)
    const target = (spec) => ({ url: `${server.url}${spec.path}`, method: spec.method, headers: spec.headers, body: spec.body, idReplacement: spec.idReplacement })
    const isWrite = (spec) => spec.send || spec.write
    const pathsWhere = (keep) => Object.fromEntries(Object.entries(paths).filter(([, spec]) => keep(spec)).map(([name, spec]) => [name, target(spec)]))
    const measured = await measureInterleaved(pathsWhere((spec) => !isWrite(spec)), { connections, durationS, rounds })
    await sink.waitFor(emailsExpected, 300_000)
    // each send emails one person; the last slice's wait also drains the queue before the next scale
    const writes = await measureInterleaved(pathsWhere(isWrite), {
      connections,
      durationS,
      rounds,
      afterSlice: async (name, acknowledged) => {
        if (paths[name].send) emailsExpected += acknowledged
        await sink.waitFor(emailsExpected, 300_000)
      },
    })
    Object.assign(measured, writes)
    results[scale] = { counts, seed_seconds: round(seconds, 1), paths: measured }
    printScale(scale, results[scale], paths)
  }

  const last = scales[scales.length - 1]
  log(`owner send with an SMTP server that takes 2 s per email (scale ${last})…`)
  sink.delayMs = 2_000
  const slowSend = await measure({
    url: `${server.url}${paths.send_owner.path}`,
    method: "POST",
    headers: paths.send_owner.headers,
    body: paths.send_owner.body,
    connections,
    durationS,
  })
  sink.delayMs = 0
  emailsExpected += slowSend.acknowledged
  await sink.waitFor(emailsExpected, 600_000)

  log("email throughput of one worker…")
  sink.keepReplyTo = args.inbound
  const email = await measureEmailThroughput(server.url, program, sink)
  sink.keepReplyTo = false
  log(`${email.emails} emails in ${email.seconds} s: ${email.per_second}/s (median of ${email.rounds.length} rounds: ${email.rounds.map((r) => r.per_second).join(", ")}/s)`)

  log("live updates: 1,000 idle admin streams, then sends to an event on one of them…")
  // a phase that fails is reported as failed (its keys null, its error kept), the run goes on
  const phase = (name, measure) => measure().catch((error) => {
    log(`${name} failed: ${error.message}`)
    return { error: error.message }
  })
  const live = await phase("live updates", () => measureLive(server, program))
  if (!live.error) log(`${live.stream_kb_per_connection} KB a stream; delivery p95 ${live.live_delivery_p95_ms} ms`)
  let inbound = null
  if (args.inbound) {
    log("reply by email: inbound emails per second of one worker (through its SMTP receiver)…")
    inbound = await phase("reply by email", async () => {
      await waitForSmtp(inboundSmtpPort)
      return await measureInboundThroughput({ db, sink, smtpPort: inboundSmtpPort })
    })
    if (!inbound.error) log(`${inbound.emails} replies from ${inbound.members} members over ${inbound.connections} connections: acknowledged in ${inbound.acknowledged_s} s, posted in ${inbound.seconds} s: ${inbound.per_second}/s`)
  }

  const queueWaitS = await waitForIdleQueue(redisUrl, queueName)
  log(`the earlier phases' queued work done ${queueWaitS} s later; a broadcast to 10,000 affiliates, the inbox under load while it is written…`)
  const broadcast = { ...(await measureBroadcast({ server, db, program, sink, log })), queue_idle_wait_s: queueWaitS }
  log(`${broadcast.recipients} copies in ${broadcast.broadcast_10k_s} s after the 202; inbox p95 ${broadcast.inbox.idle.p95} ms before, ${broadcast.inbox.during.p95} ms during; ${broadcast.emailed_members} emails ${broadcast.emails_s} s after the 202`)

  log(`query plans of the hot paths at scale ${last} (EXPLAIN ANALYZE, BUFFERS)…`)
  const plans = await checkQueryPlans({ host, db, paths, log })

  const report = buildReport({
    machine: { ...machine, database: dbServer.kind, queue: redisUrl ? "BullMQ on Redis" : "in-process" },
    settings: { connections, duration_s: durationS, rounds, slice_warmup_s: 0.5, send_warmup_s: 2 },
    results,
    paths,
    slowSend,
    email,
    inbound,
    memory,
    live,
    plans,
  })
  addBroadcastToReport(report, broadcast)
  printSummary(report)
  const files = writeReport(path.join(root, "bench/results"), report)
  await renderChart(report, files.png)
  log(`wrote ${Object.values(files).map((f) => path.relative(root, f)).join(", ")}`)
}

/**
 * `npm run build` and `npm pack` under the build lock the tests use (a
 * build deletes .medusa/server first, so a pack beside another build would
 * see half a package). Returns the tarball: the host installs it as a store
 * installs the published package.
 */
async function buildAndPackPlugin() {
  const packDir = path.join(stateDir, "pack")
  fs.rmSync(packDir, { recursive: true, force: true })
  fs.mkdirSync(packDir, { recursive: true })
  const script = `npm run build >/dev/null && npm pack --silent --pack-destination "${packDir}" >/dev/null`
  const hasFlock = (() => {
    try {
      execFileSync("flock", ["--version"], { stdio: "ignore" })
      return true
    } catch {
      return false
    }
  })()
  await (hasFlock
    ? run("flock", ["/tmp/affmsg-plugin-build.lock", "sh", "-c", script], { cwd: root, quiet: true })
    : run("sh", ["-c", script], { cwd: root, quiet: true }))
  const [tarball] = fs.readdirSync(packDir).filter((file) => file.endsWith(".tgz"))
  return path.join(packDir, tarball)
}

runBenchScript("bench", main)
