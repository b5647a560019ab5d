#!/usr/bin/env node
/**
 * Hot paths side by side, for telling a change from the machine's noise:
 * the probe store (lib/probe-host.mjs) under the bench's load, each path
 * `--seconds` at a time in `--rounds` rounds taken in turn, then per path
 * the medians over rounds of p50, p95, requests per second and the CPU
 * each request cost (work after its response included): the server
 * process, every PostgreSQL process, the load generator (this process) and
 * the whole machine; and the median over rounds of each path's ratio to
 * the first path of `--what` (its floor). A single run of the bench moves
 * 30 % on the store paths between slices; medians over 8 rounds hold
 * within a few percent between runs.
 *   node bench/broadcast-10k.mjs      # once: builds the host
 *   node bench/compare-paths.mjs --what floor_store,thread_store,badge [--rounds 8] [--seconds 3]
 *     [--verbose] (each round) [--show] (each path's response first) [--memory] (live heap before and after)
 *     [--keep <database>] (a copy of the database afterwards, to EXPLAIN what ran)
 * AFFMSG_PROBE_NODE_ARGS="--trace-gc" passes flags to the server's node.
 */
import fs from "node:fs"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { parseArgs } from "node:util"
import { hotPaths } from "./lib/hot-paths.mjs"
import { measure } from "./lib/load.mjs"
import { startProbeHost } from "./lib/probe-host.mjs"
import { cpuMsOfStat, cpuPerRequest, readCpuMs } from "./lib/cpu.mjs"
import { waitForIdleQueue } from "./lib/services.mjs"
import { runBenchScript } from "./lib/script.mjs"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const { values: args } = parseArgs({
  options: {
    what: { type: "string", default: "floor_store,thread_store,badge" },
    rounds: { type: "string", default: "8" },
    seconds: { type: "string", default: "3" },
    connections: { type: "string", default: "8" },
    verbose: { type: "boolean", default: false },
    show: { type: "boolean", default: false },
    memory: { type: "boolean", default: false },
    keep: { type: "string" },
  },
})

async function main(cleanups) {
  const nodeArgs = process.env.AFFMSG_PROBE_NODE_ARGS?.split(" ").filter(Boolean) ?? []
  const { server, program, redisUrl, queueName, stopAndKeep } = await startProbeHost(root, cleanups, {
    name: "compare",
    nodeArgs: args.memory ? [...nodeArgs, "--expose-gc"] : nodeArgs,
  })
  const paths = hotPaths(program)
  const names = args.what.split(",")
  const unknown = names.filter((name) => !paths[name])
  if (unknown.length) {
    throw new Error(`--what: unknown ${unknown.join(", ")} (paths of bench/lib/hot-paths.mjs)`)
  }
  if (args.show) {
    for (const name of names) {
      const { path: route, headers } = paths[name]
      const response = await fetch(`${server.url}${route}`, { headers })
      const text = await response.text()
      console.log(`${name}: ${response.status}, ${text.length} bytes: ${text.slice(0, 200)}`)
    }
  }
  const memory = async (label) => {
    const response = await fetch(`${server.url}/admin/bench-memory`, { headers: { authorization: `Bearer ${program.adminToken}` } })
    console.log(`live memory ${label}: ${JSON.stringify(await response.json())}`)
  }
  if (args.memory) await memory("before")

  const rounds = Object.fromEntries(names.map((name) => [name, []]))
  for (let round = 0; round < Number(args.rounds); round++) {
    for (const name of names) {
      const spec = paths[name]
      const before = { cpu: readCpuMs(server.pid), postgres: postgresCpuMs(), load: process.cpuUsage() }
      const measured = await measure({
        ...spec,
        url: `${server.url}${spec.path}`,
        connections: Number(args.connections),
        durationS: Number(args.seconds),
        warmupS: 0.5,
      })
      await waitForIdleQueue(redisUrl, queueName)
      const cpu = cpuPerRequest(before.cpu, readCpuMs(server.pid), measured.acknowledged)
      const load = process.cpuUsage(before.load)
      const perRequest = (ms) => Math.round((ms / measured.acknowledged) * 100) / 100
      const row = {
        p50: measured.p50,
        p95: measured.p95,
        rps: measured.rps,
        server: cpu.process_ms,
        postgres: perRequest(postgresCpuMs() - before.postgres),
        load: perRequest((load.user + load.system) / 1000),
        machine: cpu.machine_ms,
      }
      if (args.verbose) console.log(`round ${round} ${name}: ${JSON.stringify(row)}`)
      rounds[name].push(row)
    }
  }
  if (args.memory) await memory("after")
  const floor = names[0]
  const keys = ["p50", "p95", "rps", "server", "postgres", "load", "machine"]
  console.log(`\nmedians over ${args.rounds} rounds (CPU in ms per request); ratios to ${floor}, median of each round's`)
  for (const name of names) {
    const values = keys.map((key) => `${key} ${median(rounds[name].map((row) => row[key]))}`).join(" ")
    const ratio = (key) => median(rounds[name].map((row, i) => row[key] / rounds[floor][i][key])).toFixed(2)
    console.log(`${name.padEnd(22)} ${values} | p95 ${ratio("p95")} p50 ${ratio("p50")} machine ${ratio("machine")}`)
  }
  if (args.keep) {
    await stopAndKeep(args.keep)
  }
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}

/** CPU time of every postgres process so far (ms), from /proc; 0 where /proc is missing. */
function postgresCpuMs() {
  let total = 0
  for (const pid of fs.existsSync("/proc") ? fs.readdirSync("/proc").filter((entry) => /^\d+$/.test(entry)) : []) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8")
      if (!stat.includes("(postgres)")) continue
      total += cpuMsOfStat(stat)
    } catch {
      // the process ended meanwhile
    }
  }
  return total
}

runBenchScript("compare-paths", main)
