#!/usr/bin/env node
/**
 * The bench's memory phase alone (bench/lib/memory.mjs): the host built by
 * the last `node bench/broadcast-10k.mjs`, started fresh `--starts` times
 * with the plugin and as many without, on a copy of its migrated database.
 * One start's RSS moves by tens of MB with when V8 hands garbage back, so
 * run it a few times before believing a change to `plugin_rss_mb`.
 *   node bench/broadcast-10k.mjs      # once: builds the host
 *   node bench/memory.mjs [--starts 5]
 * Prints the figures as JSON; writes nothing under bench/results.
 */
import path from "node:path"
import { fileURLToPath } from "node:url"
import { parseArgs } from "node:util"
import { BenchHost } from "./lib/host.mjs"
import { measureMemory } from "./lib/memory.mjs"
import { openProbeDatabase } from "./lib/probe-host.mjs"
import { dropQueue, provideRedis } from "./lib/services.mjs"
import { runBenchScript } from "./lib/script.mjs"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const ADMIN = { email: "bench@bench.test", password: "bench-admin-password" }
const { values: args } = parseArgs({ options: { starts: { type: "string", default: "5" } } })

async function main(cleanups) {
  const { stateDir, dbServer, database } = await openProbeDatabase(root, cleanups, "memory")
  const redisUrl = await provideRedis()
  const queueName = `affmsg-memory-${process.pid}`
  cleanups.push(() => dropQueue(redisUrl, queueName))
  const host = new BenchHost({
    root,
    dir: path.join(stateDir, "host"),
    tarball: null,
    // no email is sent: the provider's transport is made but never connects
    env: { DATABASE_URL: dbServer.url(database), REDIS_URL: redisUrl ?? "", SMTP_URL: "smtp://127.0.0.1:9", AFFILIATE_QUEUE_NAME: queueName },
  })
  const memory = await measureMemory(host, { admin: ADMIN, starts: Number(args.starts) })
  console.log(JSON.stringify(memory, null, 2))
}

runBenchScript("memory", main)
