import { ChildProcess, execFileSync, spawn } from "child_process"
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
 * `medusa start` of this repository (its src/ loaded as the project) in its
 * own process group, so SIGKILL takes all of it.
 */
export class MedusaProcess {
  readonly child: ChildProcess
  log = ""

  constructor(env: NodeJS.ProcessEnv) {
    this.child = spawn(medusaBin, ["start"], {
      cwd: root,
      env,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    })
    this.child.stdout!.on("data", (chunk) => (this.log += chunk))
    this.child.stderr!.on("data", (chunk) => (this.log += chunk))
  }

  async waitForLog(pattern: RegExp, timeoutMs = 120_000) {
    const deadline = Date.now() + timeoutMs
    while (!pattern.test(this.log)) {
      if (this.child.exitCode !== null || Date.now() > deadline) {
        throw new Error(`no ${pattern} in the process log:\n${this.log.slice(-3000)}`)
      }
      await new Promise((resolve) => setTimeout(resolve, 200))
    }
  }

  kill(signal: NodeJS.Signals = "SIGTERM") {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      try {
        process.kill(-this.child.pid!, signal)
      } catch {
        // already gone
      }
    }
  }

  async stop() {
    if (this.child.exitCode !== null || this.child.signalCode !== null) {
      return
    }
    const exited = new Promise((resolve) => this.child.once("exit", resolve))
    this.kill("SIGTERM")
    const timer = setTimeout(() => this.kill("SIGKILL"), 10_000)
    await exited
    clearTimeout(timer)
  }
}
