#!/usr/bin/env node
/**
 * The SQL one request runs, with the work it leaves for after its response
 * (a send's email job): the probe store (lib/probe-host.mjs) with
 * PostgreSQL logging every statement on its database (`log_statement =
 * all`, a setting of that database, dropped with it), each path of `--what` called once
 * after a warm-up, the statements logged for the probe's database within
 * `--settle-ms` read back from the server's log file and printed.
 * Needs a PostgreSQL whose log this process can read and whose
 * `log_line_prefix` names the database (`%d`; Debian's default, its log
 * /var/log/postgresql/postgresql-<version>-main.log the default here).
 * A scheduled job of the plugin (every 5-10 s) may add its statements to
 * a window: they read broadcasts or the inbox tally.
 *   node bench/broadcast-10k.mjs      # once: builds the host
 *   node bench/statements.mjs [--what medusa_customers,send_owner,send_affiliate] [--log <file>] [--settle-ms 1500]
 */
import fs from "node:fs"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { parseArgs } from "node:util"
import { callPath, hotPaths } from "./lib/hot-paths.mjs"
import { startProbeHost } from "./lib/probe-host.mjs"
import { runBenchScript } from "./lib/script.mjs"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const { values: args } = parseArgs({
  options: {
    what: { type: "string", default: "medusa_customers,send_owner,send_affiliate" },
    log: { type: "string", default: "/var/log/postgresql/postgresql-15-main.log" },
    "settle-ms": { type: "string", default: "1500" },
  },
})
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))
const STATEMENT = /LOG:\s+(?:statement|execute [^:]*):\s(.*)$/

async function main(cleanups) {
  fs.accessSync(args.log, fs.constants.R_OK)
  // on the probe's own database, set before the server connects: no other session logs, and it goes with the database
  const { server, program, db } = await startProbeHost(root, cleanups, {
    name: "statements",
    databaseSettings: { log_statement: "all" },
  })
  const [{ name: database }] = (await db.query("select current_database() as name")).rows
  const paths = hotPaths(program)
  const names = args.what.split(",").map((name) => name.trim())
  for (const name of names) {
    for (let i = 0; i < 20; i++) await callPath(server.url, paths[name])
  }
  await sleep(3_000)
  for (const name of names) {
    const offset = fs.statSync(args.log).size
    await callPath(server.url, paths[name])
    await sleep(Number(args["settle-ms"]))
    const statements = fs
      .readFileSync(args.log, "utf8")
      .slice(offset)
      .split("\n")
      .filter((line) => line.includes(`@${database} `))
      .map((line) => line.match(STATEMENT)?.[1])
      .filter(Boolean)
    console.log(`\n${name}: ${statements.length} statements`)
    for (const sql of statements) console.log(`  ${sql.slice(0, 160)}`)
  }
}

runBenchScript("statements", main)
