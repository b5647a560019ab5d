import { execFileSync } from "node:child_process"
import os from "node:os"
import path from "node:path"
import Redis from "ioredis"
import pg from "pg"
import { startEmbeddedPostgres } from "../../scripts/lib/embedded-postgres.mjs"
import { isListening } from "../../scripts/lib/free-port.mjs"

/**
 * The database server: DATABASE_URL's server when given, else the machine's
 * Postgres on localhost:5432, else embedded Postgres from npm. Returns a
 * function naming a database on it, and a stop for what was started.
 */
export async function provideDatabaseServer(stateDir) {
  if (process.env.DATABASE_URL) {
    const base = new URL(process.env.DATABASE_URL)
    return { kind: "DATABASE_URL", url: (db) => withDatabase(base, db), stop: async () => {} }
  }
  if (await isListening(5432)) {
    const base = new URL(`postgres://${process.env.DB_USERNAME || "postgres"}@localhost:5432/postgres`)
    return { kind: "local PostgreSQL on 5432", url: (db) => withDatabase(base, db), stop: async () => {} }
  }
  const server = await startEmbeddedPostgres({ dataDir: path.join(stateDir, "postgres"), stopOnSignal: false })
  return { kind: `embedded PostgreSQL on ${server.port}`, url: server.url, stop: server.stop }
}

function withDatabase(base, database) {
  const url = new URL(base)
  url.pathname = `/${database}`
  return url.toString()
}

/** REDIS_URL, else the machine's Redis on 6379 when it answers, else none (in-process queue). */
export async function provideRedis() {
  if (process.env.REDIS_URL) return process.env.REDIS_URL
  return (await isListening(6379)) ? "redis://127.0.0.1:6379" : undefined
}

/**
 * Removes a run's delivery queue from Redis (BullMQ keeps finished jobs for
 * a week): each run names its own queue, so without this every run leaves
 * tens of thousands of keys behind in the Redis the test suites share.
 */
export async function dropQueue(redisUrl, name) {
  if (!redisUrl) return
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 })
  try {
    await redis.connect()
    const stream = redis.scanStream({ match: `bull:${name}:*`, count: 1000 })
    for await (const keys of stream) {
      if (keys.length) await redis.del(...keys)
    }
  } finally {
    redis.disconnect()
  }
}

/**
 * Resolves once the run's delivery queue has had nothing waiting, running
 * or delayed for a second: a phase measured right after another must not
 * share the worker with the tail of its jobs (the inbound phase's 1,000
 * replies each email the store's team after they are posted). Returns the
 * seconds waited; no-op without Redis (the in-process queue has no keys).
 */
export async function waitForIdleQueue(redisUrl, name, { timeoutMs = 600_000 } = {}) {
  if (!redisUrl) return 0
  const { Queue } = await import("bullmq")
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: null })
  const queue = new Queue(name, { connection })
  const started = Date.now()
  let idleSince = null
  try {
    while (Date.now() - started < timeoutMs) {
      const counts = await queue.getJobCounts("wait", "active", "delayed", "prioritized", "waiting-children")
      const busy = Object.values(counts).reduce((sum, n) => sum + n, 0)
      idleSince = busy ? null : idleSince ?? Date.now()
      if (idleSince && Date.now() - idleSince >= 1_000) return Math.round((Date.now() - started) / 100) / 10
      await new Promise((resolve) => setTimeout(resolve, 200))
    }
    throw new Error(`delivery queue ${name} still busy after ${timeoutMs / 1000} s`)
  } finally {
    await queue.close()
    connection.disconnect()
  }
}

export async function recreateDatabase(serverUrl, name) {
  const client = new pg.Client({ connectionString: serverUrl("postgres") })
  await client.connect()
  try {
    await client.query(`drop database if exists "${name}" with (force)`)
    await client.query(`create database "${name}"`)
  } finally {
    await client.end()
  }
}

export async function dropDatabase(serverUrl, name) {
  const client = new pg.Client({ connectionString: serverUrl("postgres") })
  await client.connect()
  try {
    await client.query(`drop database if exists "${name}" with (force)`)
  } finally {
    await client.end()
  }
}

/** What the figures were taken on. */
export async function describeMachine(db, redisUrl) {
  const cpus = os.cpus()
  const [{ server_version }] = (await db.query("show server_version")).rows
  let redis = "none (in-process queue)"
  if (redisUrl) {
    try {
      redis = `Redis ${execFileSync("redis-server", ["--version"], { encoding: "utf8" }).match(/v=(\S+)/)?.[1] ?? "?"}`
    } catch {
      redis = "Redis (version unknown)"
    }
  }
  return {
    cpu: cpus[0]?.model?.trim() ?? "unknown",
    cores: cpus.length,
    memory_gb: Math.round(os.totalmem() / 1024 ** 3),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    postgres: server_version,
    redis,
  }
}
