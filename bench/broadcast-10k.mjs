#!/usr/bin/env node
/**
 * The bench's broadcast phase alone (bench/lib/broadcast.mjs), in a few
 * minutes instead of the whole bench's twenty: the packed plugin in the
 * bench host, an empty program plus the 10,000 broadcast affiliates, one
 * broadcast timed to its last copy, the inbox p95 before and during.
 *   node bench/broadcast-10k.mjs            # build, pack, measure
 *   node bench/broadcast-10k.mjs --reuse    # the host built by the last run (no rebuild)
 *   node bench/broadcast-10k.mjs --with L   # on the L program (10k affiliates, 1M messages) first
 *   node bench/broadcast-10k.mjs --emails   # also wait for the broadcast's emails
 * With --reuse the migrated database of the last run's build is copied
 * (a template kept between runs) instead of migrating again.
 * Prints the figures as JSON; writes nothing under bench/results.
 */
import fs from "node:fs"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { parseArgs } from "node:util"
import pg from "pg"
import { run } from "../scripts/lib/processes.mjs"
import { measureBroadcast } from "./lib/broadcast.mjs"
import { BenchHost } from "./lib/host.mjs"
import { setUpProgram } from "./lib/program.mjs"
import { GROUP_IDS, seedAffiliates, seedFixtures } from "./lib/seed.mjs"
import { dropDatabase, dropQueue, provideDatabaseServer, provideRedis, recreateDatabase } from "./lib/services.mjs"
import { SmtpSink } from "./lib/smtp-sink.mjs"
import { runBenchScript } from "./lib/script.mjs"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const stateDir = path.join(root, ".tmp/bench-broadcast")
const ADMIN = { email: "bench@bench.test", password: "bench-admin-password" }
const DATABASE = `affmsg_bcast_${process.pid}`
// the migrated database with the admin, kept between runs of one build
const TEMPLATE = "affmsg_bcast_template"
const SCALES = { S: 100, M: 1_000, L: 10_000 }
const log = (message) => console.log(`[broadcast-10k] ${message}`)
const { values: args } = parseArgs({ options: { reuse: { type: "boolean", default: false }, with: { type: "string" }, emails: { type: "boolean", default: false } } })

async function main(cleanups) {
  fs.mkdirSync(stateDir, { recursive: true })
  const dbServer = await provideDatabaseServer(stateDir)
  cleanups.push(dbServer.stop)
  const redisUrl = await provideRedis()
  const sink = await new SmtpSink().start()
  cleanups.push(() => sink.stop())
  const admin = new pg.Client({ connectionString: dbServer.url("postgres") })
  await admin.connect()
  const { rowCount: haveTemplate } = await admin.query("select 1 from pg_database where datname = $1", [TEMPLATE])
  const fromTemplate = args.reuse && haveTemplate
  if (fromTemplate) {
    await admin.query(`create database "${DATABASE}" template "${TEMPLATE}"`)
  } else {
    await recreateDatabase(dbServer.url, DATABASE)
  }
  cleanups.push(() => dropDatabase(dbServer.url, DATABASE))
  const queueName = `affmsg-bcast-${process.pid}`
  cleanups.push(() => dropQueue(redisUrl, queueName))
  const host = new BenchHost({
    root,
    dir: path.join(stateDir, "host"),
    tarball: args.reuse ? null : await buildAndPack(),
    env: { DATABASE_URL: dbServer.url(DATABASE), REDIS_URL: redisUrl ?? "", SMTP_URL: sink.url, AFFILIATE_QUEUE_NAME: queueName },
  })
  if (!args.reuse) {
    log("medusa build of the bench host…")
    await host.build()
  }
  if (!fromTemplate) {
    await host.migrate()
    await host.createAdmin(ADMIN.email, ADMIN.password)
    await admin.query(`drop database if exists "${TEMPLATE}"`)
    await admin.query(`create database "${TEMPLATE}" template "${DATABASE}"`)
  }
  await admin.end()
  const db = new pg.Client({ connectionString: dbServer.url(DATABASE) })
  await db.connect()
  cleanups.push(() => db.end())
  const server = await host.start()
  cleanups.push(server.stop)
  await seedFixtures(db)
  const program = await setUpProgram(server.url, { adminEmail: ADMIN.email, adminPassword: ADMIN.password, groupId: GROUP_IDS[0] })
  if (args.with) {
    log(`seeding scale ${args.with}…`)
    const managers = [program.adminId, "user_bench_manager_2", "user_bench_manager_3"]
    await seedAffiliates(db, { from: 0, to: SCALES[args.with], managers })
  }
  const result = await measureBroadcast({ server, db, program, sink, log, waitForEmails: args.emails })
  console.log(JSON.stringify(result, null, 2))
}

async function buildAndPack() {
  const packDir = path.join(stateDir, "pack")
  fs.rmSync(packDir, { recursive: true, force: true })
  fs.mkdirSync(packDir, { recursive: true })
  log("building and packing the plugin…")
  const script = `npm run build >/dev/null && npm pack --silent --pack-destination "${packDir}" >/dev/null`
  await run("flock", ["/tmp/affmsg-plugin-build.lock", "sh", "-c", script], { cwd: root, quiet: true })
  const [tarball] = fs.readdirSync(packDir).filter((file) => file.endsWith(".tgz"))
  return path.join(packDir, tarball)
}

runBenchScript("broadcast-10k", main)
