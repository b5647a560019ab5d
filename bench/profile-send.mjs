#!/usr/bin/env node
/**
 * Where a send's time goes: the bench host built by the last
 * `node bench/broadcast-10k.mjs` run, started with V8's CPU profiler on,
 * then Medusa's `POST /admin/customers`, the owner send and the affiliate
 * send each under the bench's load (8 connections, 10 s), as in step 3 of
 * bench/README.md, with the server's CPU per request once the work each
 * left for after its response is done, and the email throughput of step 4
 * (`--what` picks; it also takes any path of lib/hot-paths.mjs by name,
 * e.g. `--what floor_admin,inbox_all`).
 * Prints their figures, then the profile's self time by
 * package and the hottest functions, and keeps the `.cpuprofile` files
 * (open them in Chrome's DevTools, Performance tab) with `windows.json`:
 * each measured path's start and end on the profile's clock (the machine's
 * monotonic one) and its requests, to read one path's samples apart.
 *   node bench/broadcast-10k.mjs      # once: builds the host
 *   node bench/profile-send.mjs [--what sends,emails,<path>] [--seconds 10] [--connections 8]
 */
import fs from "node:fs"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { parseArgs } from "node:util"
import { hotPaths } from "./lib/hot-paths.mjs"
import { measure } from "./lib/load.mjs"
import { measureEmailThroughput } from "./lib/email.mjs"
import { addBroadcastMembers } from "./lib/program.mjs"
import { startProbeHost } from "./lib/probe-host.mjs"
import { cpuPerRequest, readCpuMs } from "./lib/cpu.mjs"
import { waitForIdleQueue } from "./lib/services.mjs"
import { runBenchScript } from "./lib/script.mjs"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const profileDir = path.join(root, ".tmp/bench-profile")
const { values: args } = parseArgs({
  options: {
    seconds: { type: "string", default: "10" },
    connections: { type: "string", default: "8" },
    // "sends" (Medusa's write and the two sends), "emails" (step 4's throughput:
    // 20 team messages to 100 members), any path of lib/hot-paths.mjs by name, comma-separated
    what: { type: "string", default: "sends,emails" },
  },
})

async function main(cleanups) {
  fs.rmSync(profileDir, { recursive: true, force: true })
  fs.mkdirSync(profileDir, { recursive: true })
  const { server, db, program, sink, redisUrl, queueName } = await startProbeHost(root, cleanups, {
    name: "profile",
    nodeArgs: ["--cpu-prof", `--cpu-prof-dir=${profileDir}`],
  })

  const what = args.what.split(",")
  const paths = hotPaths(program)
  const unknown = what.filter((name) => !["sends", "emails"].includes(name) && !paths[name])
  if (unknown.length) {
    throw new Error(`--what: unknown ${unknown.join(", ")} (sends, emails, or a path of bench/lib/hot-paths.mjs)`)
  }
  const measuredPaths = what.flatMap((name) =>
    name === "sends" ? ["medusa_customers", "send_owner", "send_affiliate"] : paths[name] ? [name] : []
  )
  const windows = []
  for (const name of measuredPaths) {
    const spec = paths[name]
    const before = readCpuMs(server.pid)
    // the profile's clock is the machine's monotonic one: a window says which samples a path's load made
    const startUs = process.hrtime.bigint() / 1000n
    const measured = await measure({
      ...spec,
      url: `${server.url}${spec.path}`,
      connections: Number(args.connections),
      durationS: Number(args.seconds),
    })
    // what each write left to do after its response (emails, live facts) runs in the same process: let it finish
    await waitForIdleQueue(redisUrl, queueName)
    const cpu = cpuPerRequest(before, readCpuMs(server.pid), measured.acknowledged)
    windows.push({ name, start_us: Number(startUs), end_us: Number(process.hrtime.bigint() / 1000n), requests: measured.acknowledged })
    console.log(
      `${name}: p50 ${measured.p50} ms, p95 ${measured.p95} ms, ${measured.rps}/s, ${measured.errors} errors` +
        (cpu ? `; CPU per request, work after the response included: server ${cpu.process_ms} ms, machine ${cpu.machine_ms} ms` : "")
    )
  }
  if (what.includes("emails")) {
    await addBroadcastMembers(db, program.broadcast.affiliate_id, 99)
    const startUs = process.hrtime.bigint() / 1000n
    const email = await measureEmailThroughput(server.url, program, sink, { rounds: 1 })
    windows.push({ name: "emails", start_us: Number(startUs), end_us: Number(process.hrtime.bigint() / 1000n), requests: email.emails })
    console.log(`emails: ${email.emails} in ${email.seconds} s, ${email.per_second}/s`)
  }
  await server.stop()
  fs.writeFileSync(path.join(profileDir, "windows.json"), JSON.stringify(windows, null, 2))
  summarize(profileDir)
}

/** Self time of every sampled node, by package (node_modules/<name>) and by function. */
function summarize(dir) {
  const files = fs.readdirSync(dir).filter((file) => file.endsWith(".cpuprofile"))
  const byPackage = new Map()
  const byFunction = new Map()
  let total = 0
  for (const file of files) {
    const profile = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8"))
    const nodes = new Map(profile.nodes.map((node) => [node.id, node]))
    const dt = new Map()
    profile.samples.forEach((id, i) => dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)))
    for (const [id, micros] of dt) {
      const { callFrame } = nodes.get(id)
      const url = callFrame.url || `(${callFrame.functionName || "native"})`
      const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1] ?? (url.includes("medusa-plugin-affiliate-messaging") ? "(plugin)" : url.startsWith("node:") ? "(node)" : url.startsWith("(") ? url : "(other)")
      const fn = `${callFrame.functionName || "(anonymous)"} ${url.replace(/^.*node_modules\//, "")}:${callFrame.lineNumber + 1}`
      byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + micros)
      byFunction.set(fn, (byFunction.get(fn) ?? 0) + micros)
      total += micros
    }
  }
  const top = (map, n) =>
    [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, n).map(([name, micros]) => `${(micros / 1000).toFixed(0).padStart(7)} ms ${((100 * micros) / total).toFixed(1).padStart(5)} %  ${name}`)
  console.log(`\nself time by package (${files.length} profile(s), ${(total / 1000).toFixed(0)} ms sampled):`)
  console.log(top(byPackage, 25).join("\n"))
  console.log("\nhottest functions:")
  console.log(top(byFunction, 40).join("\n"))
  console.log(`\nprofiles: ${dir}`)
}

runBenchScript("profile-send", main)
