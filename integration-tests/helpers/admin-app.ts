import { ChildProcess, execFileSync, spawn } from "child_process"
import fs from "fs"
import path from "path"
import { databaseUrl, medusaBin, sql } from "./medusa-process"
import { installPackedPlugin } from "./pack"
import { freePortSync } from "./ports"

const root = path.resolve(__dirname, "../..")
/** The host store's files (medusa-config.ts, package.json, tsconfig.json), copied for each run. */
const templateDir = path.join(root, "integration-tests/admin-host")
/** Build folders and server logs; git-ignored, ignored by jest. */
export const ADMIN_HOSTS_DIR = path.join(root, ".tmp/admin-host")

export const ADMIN_EMAIL = "owner@browser.test"
export const ADMIN_PASSWORD = "browser-test-password"

export type AdminApp = {
  /** `http://localhost:<port>`: API and dashboard on one port, as `medusa start` serves them. */
  backendUrl: string
  /** `${backendUrl}/app` */
  adminUrl: string
  adminEmail: string
  adminPassword: string
  /** Linked to the default sales channel; store routes need it in `x-publishable-api-key`. */
  publishableKey: string
  databaseName: string
  /** Seconds each start-up step took (`total`: the whole call). */
  timings: Record<string, number>
  /** True when the build and migrated database of an earlier suite of this jest run were used. */
  reusedBuild: boolean
  /** Resident memory of the server's processes, in MB. */
  rssMb: () => number
  /** The server's output so far (also written to .tmp/admin-host/<database>.log). */
  log: () => string
  stop: () => Promise<void>
}

/** The expensive, read-only part: a built host folder and a migrated database to copy. */
type PreparedStore = {
  hostDir: string
  templateDatabase: string
  timings: Record<string, number>
}

const env = (extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv => {
  const base: NodeJS.ProcessEnv = {
    ...process.env,
    // jest sets NODE_ENV=test; a store builds and runs in production mode
    NODE_ENV: "production",
    // the test runner's --experimental-vm-modules has no business in the store
    NODE_OPTIONS: "",
    MEDUSA_DISABLE_TELEMETRY: "true",
    LOG_LEVEL: "info",
    ...extra,
  }
  // the dashboard must call the server it is served from, whatever the port
  delete base.MEDUSA_BACKEND_URL
  return base
}

/**
 * A Medusa store as a merchant runs it in production, for browser tests of
 * the admin UI:
 * - a host folder made from integration-tests/admin-host, with the plugin
 *   built, `npm pack`ed and unpacked into its node_modules, found by package
 *   name (other packages resolve from the repository's node_modules, up the
 *   folder tree), then `medusa build` (backend + admin dashboard with the
 *   plugin's extensions);
 * - meanwhile a database migrated with `medusa db:migrate` and given an
 *   admin user (`medusa user`);
 * - for each call, a fresh database copied from that one
 *   (`create database … template …`) and `medusa start` from .medusa/server on
 *   a free port, in its own process group; ready once /health answers and
 *   /app serves the built dashboard; then a publishable API key linked to the
 *   default sales channel, made over the admin API.
 *
 * The build and the migrated database are made once per jest run
 * (AFFMSG_TEST_RUN_ID, set by the global setup) and shared by the browser
 * suites of that run; the global teardown removes them. Nothing survives the
 * run. Without AFFMSG_TEST_RUN_ID each call prepares its own and `stop()`
 * removes it. `stop()` kills the server's process group and drops its
 * database.
 */
export async function startAdminApp(
  options: { report?: (message: string) => void } = {}
): Promise<AdminApp> {
  const report = options.report ?? (() => {})
  const started = Date.now()
  const runId = process.env.AFFMSG_TEST_RUN_ID
  const appId = `${process.pid}_${Date.now().toString(36)}`
  const privateRunId = runId ? undefined : `private-${appId}`
  const prepared = await prepareStore(runId ?? privateRunId!, report).catch(async (error) => {
    if (privateRunId) await removePreparedStore(privateRunId).catch(() => {})
    throw error
  })
  const timings: Record<string, number> = { ...prepared.store.timings }

  const databaseName = `affmsg_admin_${appId}`
  const port = freePortSync()
  const backendUrl = `http://localhost:${port}`
  const serverEnv = env({ DATABASE_URL: databaseUrl(databaseName), PORT: String(port) })
  const logFile = path.join(ADMIN_HOSTS_DIR, `${databaseName}.log`)

  let server: ChildProcess | undefined
  let log = ""
  let databaseCreated = false
  const killGroup = (signal: NodeJS.Signals) => {
    if (server && server.exitCode === null && server.signalCode === null) {
      try {
        process.kill(-server.pid!, signal)
      } catch {
        // already gone
      }
    }
  }
  // jest --forceExit ends the process without afterAll when a test hangs
  const onExit = () => killGroup("SIGKILL")
  process.once("exit", onExit)

  const stop = async () => {
    process.removeListener("exit", onExit)
    if (server && server.exitCode === null && server.signalCode === null) {
      const exited = new Promise((resolve) => server!.once("exit", resolve))
      killGroup("SIGTERM")
      const timer = setTimeout(() => killGroup("SIGKILL"), 10_000)
      await exited
      clearTimeout(timer)
    }
    if (databaseCreated) {
      await sql("postgres", `drop database if exists "${databaseName}" with (force)`)
    }
    if (privateRunId) {
      await removePreparedStore(privateRunId)
    }
  }

  const step = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const t0 = Date.now()
    try {
      return await work()
    } finally {
      timings[name] = (Date.now() - t0) / 1000
      report(`${name}: ${timings[name].toFixed(1)} s`)
    }
  }

  try {
    await step("database from the migrated template", async () => {
      await sql("postgres", `create database "${databaseName}" template "${prepared.store.templateDatabase}"`)
      databaseCreated = true
    })

    await step("medusa start until /health and /app", async () => {
      fs.mkdirSync(ADMIN_HOSTS_DIR, { recursive: true })
      const logStream = fs.createWriteStream(logFile)
      server = spawn(medusaBin, ["start"], {
        cwd: path.join(prepared.store.hostDir, ".medusa/server"),
        env: serverEnv,
        detached: true,
        stdio: ["ignore", "pipe", "pipe"],
      })
      for (const stream of [server.stdout!, server.stderr!]) {
        stream.on("data", (chunk) => {
          log += chunk
          logStream.write(chunk)
        })
      }
      server.once("close", () => logStream.end())
      const alive = () => server!.exitCode === null && server!.signalCode === null
      const failure = (what: string) => new Error(`${what}\n--- medusa start ---\n${log.slice(-4000)}`)

      await waitFor(async () => (await fetch(`${backendUrl}/health`)).ok, alive, failure, "/health")
      await waitFor(
        async () => {
          const res = await fetch(`${backendUrl}/app`)
          const html = await res.text()
          const script = html.match(/<script[^>]+src="([^"]+\.js)"/)?.[1]
          if (!res.ok || !html.includes('id="medusa"') || !script) return false
          return (await fetch(new URL(script, backendUrl))).ok
        },
        alive,
        failure,
        "the built dashboard at /app"
      )
    })

    const publishableKey = await step("publishable key", () => createPublishableKey(backendUrl))
    timings.total = (Date.now() - started) / 1000

    return {
      backendUrl,
      adminUrl: `${backendUrl}/app`,
      adminEmail: ADMIN_EMAIL,
      adminPassword: ADMIN_PASSWORD,
      publishableKey,
      databaseName,
      timings,
      reusedBuild: prepared.reused,
      rssMb: () => sessionRssMb(server?.pid),
      log: () => log,
      stop,
    }
  } catch (error) {
    await stop().catch(() => {})
    throw error
  }
}

const runDir = (runId: string) => path.join(ADMIN_HOSTS_DIR, `run-${runId}`)
const templateDatabaseName = (runId: string) => `affmsg_admin_tpl_${runId.replace(/[^a-z0-9]+/gi, "_").toLowerCase()}`

/**
 * The build and migrated database of this run: made by the first suite that
 * asks, found by the others (runDir/ready.json). A failure is recorded too,
 * so later suites fail at once with the same reason instead of rebuilding.
 */
async function prepareStore(
  runId: string,
  report: (message: string) => void
): Promise<{ store: PreparedStore; reused: boolean }> {
  const dir = runDir(runId)
  const ready = path.join(dir, "ready.json")
  const failed = path.join(dir, "failed.txt")
  const lock = path.join(dir, "lock")
  fs.mkdirSync(dir, { recursive: true })

  for (;;) {
    if (fs.existsSync(ready)) {
      report("build and migrated database: made by an earlier suite of this run")
      return { store: JSON.parse(fs.readFileSync(ready, "utf8")), reused: true }
    }
    if (fs.existsSync(failed)) {
      throw new Error(`the store could not be prepared (earlier suite of this run):\n${fs.readFileSync(failed, "utf8")}`)
    }
    try {
      fs.mkdirSync(lock)
      break
    } catch {
      // another suite (parallel jest workers) is preparing it
      await new Promise((resolve) => setTimeout(resolve, 1000))
    }
  }

  try {
    const store = await buildStore(dir, templateDatabaseName(runId), report)
    fs.writeFileSync(ready, JSON.stringify(store))
    return { store, reused: false }
  } catch (error: any) {
    fs.writeFileSync(failed, String(error?.stack ?? error))
    throw error
  } finally {
    fs.rmSync(lock, { recursive: true, force: true })
  }
}

async function buildStore(
  dir: string,
  templateDatabase: string,
  report: (message: string) => void
): Promise<PreparedStore> {
  const timings: Record<string, number> = {}
  const step = async <T>(name: string, work: () => T | Promise<T>): Promise<T> => {
    const t0 = Date.now()
    try {
      return await work()
    } finally {
      timings[name] = (Date.now() - t0) / 1000
      report(`${name}: ${timings[name].toFixed(1)} s`)
    }
  }
  const hostDir = path.join(dir, "host")
  fs.rmSync(hostDir, { recursive: true, force: true })
  fs.mkdirSync(hostDir, { recursive: true })
  for (const file of ["medusa-config.ts", "package.json", "tsconfig.json"]) {
    fs.copyFileSync(path.join(templateDir, file), path.join(hostDir, file))
  }

  await step("plugin:build + npm pack + unpack", () => installPackedPlugin(hostDir))

  // named here before it exists, for the global teardown to drop
  fs.writeFileSync(path.join(dir, "template-database"), templateDatabase)
  await sql("postgres", `drop database if exists "${templateDatabase}" with (force)`)
  await sql("postgres", `create database "${templateDatabase}"`)
  const commandEnv = env({ DATABASE_URL: databaseUrl(templateDatabase) })

  // the build needs no database, the migration no build: run them side by side
  await step("db:migrate + user ∥ medusa build", async () => {
    const results = await Promise.allSettled([
      step("medusa db:migrate + user", async () => {
        await run(["db:migrate"], hostDir, commandEnv)
        await run(["user", "-e", ADMIN_EMAIL, "-p", ADMIN_PASSWORD], hostDir, commandEnv)
      }),
      step("medusa build", () => run(["build"], hostDir, commandEnv)),
    ])
    // both finished: no command left running in a folder that may be removed
    const failed = results.find((r): r is PromiseRejectedResult => r.status === "rejected")
    if (failed) throw failed.reason
  })
  return { hostDir, templateDatabase, timings }
}

/**
 * Removes what prepareStore made for `runId`: the migrated template database
 * and the host folder. The jest global teardown does the same for a run
 * (integration-tests/setup/admin-hosts.mjs, reading runDir/template-database).
 */
async function removePreparedStore(runId: string) {
  await sql("postgres", `drop database if exists "${templateDatabaseName(runId)}" with (force)`)
  fs.rmSync(runDir(runId), { recursive: true, force: true })
}

/** A medusa CLI command in the host folder; rejects with its output when it fails. */
function run(args: string[], cwd: string, commandEnv: NodeJS.ProcessEnv) {
  return new Promise<void>((resolve, reject) => {
    const child = spawn(medusaBin, args, { cwd, env: commandEnv, stdio: ["ignore", "pipe", "pipe"] })
    let output = ""
    child.stdout!.on("data", (chunk) => (output += chunk))
    child.stderr!.on("data", (chunk) => (output += chunk))
    child.on("error", reject)
    child.on("exit", (code, signal) =>
      code === 0
        ? resolve()
        : reject(new Error(`medusa ${args.join(" ")} failed (${code ?? signal}):\n${output.slice(-4000)}`))
    )
  })
}

async function waitFor(
  check: () => Promise<boolean>,
  alive: () => boolean,
  failure: (what: string) => Error,
  what: string,
  timeoutMs = 120_000
) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (!alive()) throw failure(`medusa start exited before ${what} answered`)
    if (await check().catch(() => false)) return
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw failure(`${what} did not answer within ${timeoutMs / 1000} s`)
}

async function api(backendUrl: string, method: string, route: string, token?: string, body?: unknown) {
  const res = await fetch(`${backendUrl}${route}`, {
    method,
    headers: {
      "content-type": "application/json",
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const data: any = await res.json().catch(() => null)
  if (!res.ok) {
    throw new Error(`${method} ${route}: ${res.status} ${JSON.stringify(data)}`)
  }
  return data
}

/** What a merchant does in Settings → Publishable API keys, over the admin API. */
async function createPublishableKey(backendUrl: string) {
  const { token } = await api(backendUrl, "POST", "/auth/user/emailpass", undefined, {
    email: ADMIN_EMAIL,
    password: ADMIN_PASSWORD,
  })
  const { sales_channels } = await api(backendUrl, "GET", "/admin/sales-channels?limit=1", token)
  const { api_key } = await api(backendUrl, "POST", "/admin/api-keys", token, {
    title: "Browser tests storefront",
    type: "publishable",
  })
  if (sales_channels.length) {
    await api(backendUrl, "POST", `/admin/api-keys/${api_key.id}/sales-channels`, token, {
      add: [sales_channels[0].id],
    })
  }
  return api_key.token as string
}

/** RSS of every process in the server's session (spawned detached: its own session), in MB. */
function sessionRssMb(sid?: number) {
  if (!sid) return 0
  try {
    const out = execFileSync("ps", ["-o", "rss=", "--sid", String(sid)], { encoding: "utf8" })
    return Math.round(out.split("\n").reduce((sum, line) => sum + (Number(line.trim()) || 0), 0) / 1024)
  } catch {
    return 0
  }
}
