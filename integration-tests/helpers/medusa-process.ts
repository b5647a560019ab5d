import { ChildProcess, execFileSync, spawn } from "child_process"
import fs from "fs"
import path from "path"
import { Client } from "pg"

const root = path.resolve(__dirname, "../..")
export const medusaBin = path.join(root, "node_modules/.bin/medusa")

/** The test database server, as Medusa's test utilities see it (DB_* env). */
export function databaseUrl(database: string) {
  const user = encodeURIComponent(process.env.DB_USERNAME ?? "postgres")
  const password = process.env.DB_PASSWORD ? `:${encodeURIComponent(process.env.DB_PASSWORD)}` : ""
  return `postgres://${user}${password}@${process.env.DB_HOST ?? "localhost"}:${process.env.DB_PORT ?? 5432}/${database}`
}

export async function sql(database: string, text: string) {
  const client = new Client({ connectionString: databaseUrl(database) })
  await client.connect()
  try {
    return (await client.query(text)).rows
  } finally {
    await client.end()
  }
}

/** A fresh database migrated with this repository's medusa-config.ts. */
export async function createMigratedDatabase(name: string, env: NodeJS.ProcessEnv) {
  await sql("postgres", `drop database if exists "${name}" with (force)`)
  await sql("postgres", `create database "${name}"`)
  execFileSync(medusaBin, ["db:migrate"], { cwd: root, env, stdio: "pipe" })
}

export async function dropDatabase(name: string) {
  await sql("postgres", `drop database if exists "${name}" with (force)`)
}

/**
 * `medusa start` in its own process group, so SIGKILL takes all of it: of
 * this repository (its src/ loaded as the project) unless `cwd` names a
 * built store's .medusa/server. With `logFile` the output is also written
 * there, for a person to read after a failure. `bin`: another store's own
 * medusa CLI (a store on another Medusa version).
 */
export class MedusaProcess {
  readonly child: ChildProcess
  log = ""
  protected readonly onExit_ = () => this.kill("SIGKILL")

  constructor(env: NodeJS.ProcessEnv, options: { cwd?: string; logFile?: string; bin?: string } = {}) {
    this.child = spawn(options.bin ?? medusaBin, ["start"], {
      cwd: options.cwd ?? root,
      env,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    })
    const logStream = options.logFile ? fs.createWriteStream(options.logFile) : undefined
    for (const stream of [this.child.stdout!, this.child.stderr!]) {
      stream.on("data", (chunk) => {
        this.log += chunk
        logStream?.write(chunk)
      })
    }
    this.child.once("close", () => logStream?.end())
    // jest --forceExit ends the process without afterAll when a test hangs
    process.once("exit", this.onExit_)
  }

  get alive() {
    return this.child.exitCode === null && this.child.signalCode === null
  }

  async waitForLog(pattern: RegExp, timeoutMs = 120_000) {
    await this.waitUntil(async () => pattern.test(this.log), `${pattern} in the log`, timeoutMs)
  }

  /** Polls `check` until it holds; fails at once, with the log, if the process exits first. */
  async waitUntil(check: () => Promise<boolean>, what: string, timeoutMs = 120_000) {
    const deadline = Date.now() + timeoutMs
    for (;;) {
      if (!this.alive) throw this.failure(`medusa start exited before ${what}`)
      if (await check().catch(() => false)) return
      if (Date.now() > deadline) throw this.failure(`no ${what} within ${timeoutMs / 1000} s`)
      await new Promise((resolve) => setTimeout(resolve, 200))
    }
  }

  protected failure(what: string) {
    return new Error(`${what}\n--- medusa start ---\n${this.log.slice(-4000)}`)
  }

  /** Resident memory of every process in the group (spawned detached: its own session), in MB. */
  rssMb() {
    try {
      const out = execFileSync("ps", ["-o", "rss=", "--sid", String(this.child.pid)], { encoding: "utf8" })
      return Math.round(out.split("\n").reduce((sum, line) => sum + (Number(line.trim()) || 0), 0) / 1024)
    } catch {
      return 0
    }
  }

  kill(signal: NodeJS.Signals = "SIGTERM") {
    if (this.alive) {
      try {
        process.kill(-this.child.pid!, signal)
      } catch {
        // already gone
      }
    }
  }

  async stop() {
    process.removeListener("exit", this.onExit_)
    if (!this.alive) {
      return
    }
    const exited = new Promise((resolve) => this.child.once("exit", resolve))
    this.kill("SIGTERM")
    const timer = setTimeout(() => this.kill("SIGKILL"), 10_000)
    await exited
    clearTimeout(timer)
    // a child of the server still shutting down would live on as an orphan
    try {
      process.kill(-this.child.pid!, "SIGKILL")
    } catch {
      // the group is gone
    }
  }
}
