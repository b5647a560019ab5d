import fs from "node:fs"
import path from "node:path"
import pg from "pg"
import { BenchHost } from "./host.mjs"
import { lengthenThread, setUpProgram } from "./program.mjs"
import { GROUP_IDS, seedAffiliates, seedFixtures } from "./seed.mjs"
import { dropDatabase, dropQueue, provideDatabaseServer, provideRedis } from "./services.mjs"
import { SmtpSink } from "./smtp-sink.mjs"

const ADMIN = { email: "bench@bench.test", password: "bench-admin-password" }
const TEMPLATE = "affmsg_bcast_template"

/**
 * The database server and a copy of the migrated database (with the bench
 * admin) that the last `node bench/broadcast-10k.mjs` run kept as a
 * template, named after `name`; dropped by `cleanups`. `settings`: PostgreSQL
 * settings for that database's sessions (e.g. `{ log_statement: "all" }`).
 */
export async function openProbeDatabase(root, cleanups, name, settings = {}) {
  const stateDir = path.join(root, ".tmp/bench-broadcast")
  if (!fs.existsSync(path.join(stateDir, "host/.medusa/server"))) {
    throw new Error("no bench host: run `node bench/broadcast-10k.mjs` once first")
  }
  const database = `affmsg_${name}_${process.pid}`
  const dbServer = await provideDatabaseServer(stateDir)
  cleanups.push(dbServer.stop)
  const admin = new pg.Client({ connectionString: dbServer.url("postgres") })
  await admin.connect()
  await admin.query(`create database "${database}" template "${TEMPLATE}"`)
  for (const [setting, value] of Object.entries(settings)) {
    await admin.query(`alter database "${database}" set ${setting} = '${value}'`)
  }
  await admin.end()
  cleanups.push(() => dropDatabase(dbServer.url, database))
  return { stateDir, dbServer, database }
}

/**
 * The store the probes (profile-send, compare-paths) load: the bench host
 * built by the last `node bench/broadcast-10k.mjs` run, on a copy of its
 * database template, with the bench's program, 100 affiliates and a team
 * thread as long as the bench's (`databaseSettings` as `settings` of
 * openProbeDatabase). Each resource's cleanup is pushed onto
 * `cleanups`. `stopAndKeep(copyName)` stops the server and copies the
 * database under that name (to EXPLAIN what the load ran).
 */
export async function startProbeHost(root, cleanups, { name, nodeArgs = [], databaseSettings = {} }) {
  const { stateDir, dbServer, database } = await openProbeDatabase(root, cleanups, name, databaseSettings)
  const sink = await new SmtpSink().start()
  cleanups.push(() => sink.stop())
  const redisUrl = await provideRedis()
  const queueName = `affmsg-${name}-${process.pid}`
  cleanups.push(() => dropQueue(redisUrl, queueName))
  const host = new BenchHost({
    root,
    dir: path.join(stateDir, "host"),
    tarball: null,
    env: { DATABASE_URL: dbServer.url(database), REDIS_URL: redisUrl ?? "", SMTP_URL: sink.url, AFFILIATE_QUEUE_NAME: queueName },
  })
  const server = await host.start({ nodeArgs, logName: `${name}.log` })
  // stopping is idempotent: the caller's stop writes what it must (a profile), this one covers a failure
  cleanups.push(server.stop)
  const db = new pg.Client({ connectionString: dbServer.url(database) })
  await db.connect()
  let dbOpen = true
  cleanups.push(() => dbOpen && db.end())
  await seedFixtures(db)
  const program = await setUpProgram(server.url, { adminEmail: ADMIN.email, adminPassword: ADMIN.password, groupId: GROUP_IDS[0] })
  await seedAffiliates(db, { from: 0, to: 100, managers: [program.adminId] })
  // the thread paths read a thread as long as the bench's
  await lengthenThread(db, program.teamThreadId, 199)

  /** Stops the server and keeps a copy of the database as `copyName`. */
  const stopAndKeep = async (copyName) => {
    await server.stop()
    dbOpen = false
    await db.end()
    const copy = new pg.Client({ connectionString: dbServer.url("postgres") })
    await copy.connect()
    await copy.query(`drop database if exists "${copyName}"`)
    await copy.query(`create database "${copyName}" template "${database}"`)
    await copy.end()
  }
  return { server, db, program, sink, redisUrl, queueName, stopAndKeep }
}
