import { spawn } from "child_process"
import fs from "fs"
import path from "path"
import { databaseUrl, medusaBin, MedusaProcess, sql } from "./medusa-process"
import { installPackedPlugin } from "./pack"

const root = path.resolve(__dirname, "../..")
/** Build folders and server logs of every production host; git-ignored, ignored by jest. */
const TMP_DIR = path.join(root, ".tmp")

/**
 * A store as a merchant runs it in production, made from a template folder
 * of integration-tests (medusa-config.ts, package.json, tsconfig.json).
 * `name` is the folder's name and names its build and logs in .tmp/<name>.
 */
export type ProductionHostTemplate = {
  name: string
  /** Made with `medusa user` in the migrated database every copy starts from. */
  admin: { email: string; password: string }
}

/** The expensive, read-only part: a built host folder and a migrated database to copy. */
export type PreparedHost = {
  template: ProductionHostTemplate
  hostDir: string
  templateDatabase: string
  /** Seconds each preparation step took. */
  timings: Record<string, number>
  /** True when an earlier suite of this jest run made it. */
  reused: boolean
  /** Folder for the servers' logs. */
  logDir: string
  /** Removes it when it belongs to this call only (no AFFMSG_TEST_RUN_ID); else the global teardown does. */
  release: () => Promise<void>
}

export type Report = (message: string) => void

/** The environment of the store's commands: production, whatever jest set. */
export function productionEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
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
 * The host folder with the plugin built, `npm pack`ed and unpacked into its
 * node_modules (found by package name; other packages resolve from the
 * repository's node_modules, up the folder tree), built with `medusa
 * build`; meanwhile a database migrated with `medusa db:migrate` and given
 * the template's admin user (`medusa user`).
 *
 * Made once per jest run (AFFMSG_TEST_RUN_ID, set by the global setup) by
 * the first suite that asks and found by the others (.tmp/<name>/run-<id>/
 * ready.json); the global teardown removes it (integration-tests/setup/
 * admin-hosts.mjs). A failure is recorded too, so later suites fail at
 * once with the same reason instead of rebuilding. Without
 * AFFMSG_TEST_RUN_ID each call prepares its own and `release()` removes it.
 */
export async function prepareProductionHost(
  template: ProductionHostTemplate,
  report: Report = () => {}
): Promise<PreparedHost> {
  const runId = process.env.AFFMSG_TEST_RUN_ID ?? `private-${process.pid}_${Date.now().toString(36)}`
  const isPrivate = !process.env.AFFMSG_TEST_RUN_ID
  const hostsDir = path.join(TMP_DIR, template.name)
  const dir = path.join(hostsDir, `run-${runId}`)
  const templateDatabase = `affmsg_${template.name.replace(/\W+/g, "_")}_tpl_${runId.replace(/\W+/g, "_")}`.toLowerCase()
  const remove = async () => {
    await sql("postgres", `drop database if exists "${templateDatabase}" with (force)`)
    fs.rmSync(dir, { recursive: true, force: true })
  }
  const ready = path.join(dir, "ready.json")
  const failed = path.join(dir, "failed.txt")
  const lock = path.join(dir, "lock")
  fs.mkdirSync(dir, { recursive: true })
  const prepared = (store: { hostDir: string; timings: Record<string, number> }, reused: boolean): PreparedHost => ({
    template,
    ...store,
    templateDatabase,
    reused,
    logDir: hostsDir,
    release: async () => {
      if (isPrivate) await remove()
    },
  })

  for (;;) {
    if (fs.existsSync(ready)) {
      report(`build and migrated database of ${template.name}: made by an earlier suite of this run`)
      return prepared(JSON.parse(fs.readFileSync(ready, "utf8")), true)
    }
    if (fs.existsSync(failed)) {
      throw new Error(`${template.name} could not be prepared (earlier suite of this run):\n${fs.readFileSync(failed, "utf8")}`)
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
    const store = await buildHost(template, dir, templateDatabase, report)
    fs.writeFileSync(ready, JSON.stringify(store))
    return prepared(store, false)
  } catch (error: any) {
    fs.writeFileSync(failed, String(error?.stack ?? error))
    if (isPrivate) await remove().catch(() => {})
    throw error
  } finally {
    fs.rmSync(lock, { recursive: true, force: true })
  }
}

async function buildHost(
  template: ProductionHostTemplate,
  dir: string,
  templateDatabase: string,
  report: Report
) {
  const timings: Record<string, number> = {}
  const step = timedStep(timings, report)
  const hostDir = path.join(dir, "host")
  fs.rmSync(hostDir, { recursive: true, force: true })
  fs.mkdirSync(hostDir, { recursive: true })
  for (const file of ["medusa-config.ts", "package.json", "tsconfig.json"]) {
    fs.copyFileSync(path.join(root, "integration-tests", template.name, file), path.join(hostDir, file))
  }

  await step("plugin:build + npm pack + unpack", () => installPackedPlugin(hostDir))

  // named here before it exists, for the global teardown to drop
  fs.writeFileSync(path.join(dir, "template-database"), templateDatabase)
  await sql("postgres", `drop database if exists "${templateDatabase}" with (force)`)
  await sql("postgres", `create database "${templateDatabase}"`)
  const commandEnv = productionEnv({ DATABASE_URL: databaseUrl(templateDatabase) })

  // the build needs no database, the migration no build: run them side by side
  await step("db:migrate + user ∥ medusa build", async () => {
    const results = await Promise.allSettled([
      step("medusa db:migrate + user", async () => {
        await runMedusa(["db:migrate"], hostDir, commandEnv)
        await runMedusa(["user", "-e", template.admin.email, "-p", template.admin.password], hostDir, commandEnv)
      }),
      step("medusa build", () => runMedusa(["build"], hostDir, commandEnv)),
    ])
    // both finished: no command left running in a folder that may be removed
    const failed = results.find((r): r is PromiseRejectedResult => r.status === "rejected")
    if (failed) throw failed.reason
  })
  return { hostDir, timings }
}

/** A fresh database copied from the host's migrated one; `drop()` removes it. */
export async function databaseFromTemplate(host: PreparedHost, name: string) {
  await sql("postgres", `create database "${name}" template "${host.templateDatabase}"`)
  return {
    name,
    url: databaseUrl(name),
    drop: () => sql("postgres", `drop database if exists "${name}" with (force)`),
  }
}

/**
 * `medusa start` of the built store (.medusa/server) with `env` on top of
 * productionEnv(); its output also goes to .tmp/<name>/<logName>.log.
 */
export function startProductionServer(host: PreparedHost, env: NodeJS.ProcessEnv, logName: string) {
  fs.mkdirSync(host.logDir, { recursive: true })
  return new MedusaProcess(productionEnv(env), {
    cwd: path.join(host.hostDir, ".medusa/server"),
    logFile: path.join(host.logDir, `${logName}.log`),
  })
}

/** Resolves once `GET <url>/health` answers 200; rejects with the log if the server exits first. */
export function waitForHealth(server: MedusaProcess, url: string, timeoutMs = 120_000) {
  return server.waitUntil(async () => (await fetch(`${url}/health`)).ok, `${url}/health`, timeoutMs)
}

/** Runs `work` as a named step whose duration goes to `timings` and `report`. */
export function timedStep(timings: Record<string, number>, report: Report) {
  return async <T>(name: string, work: () => T | Promise<T>): Promise<T> => {
    const t0 = Date.now()
    try {
      return await work()
    } finally {
      timings[name] = (Date.now() - t0) / 1000
      report(`${name}: ${timings[name].toFixed(1)} s`)
    }
  }
}

/** A medusa CLI command in the host folder; rejects with its output when it fails. */
function runMedusa(args: string[], cwd: string, commandEnv: NodeJS.ProcessEnv) {
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
export async function createPublishableKey(backendUrl: string, admin: { email: string; password: string }) {
  const { token } = await api(backendUrl, "POST", "/auth/user/emailpass", undefined, admin)
  const { sales_channels } = await api(backendUrl, "GET", "/admin/sales-channels?limit=1", token)
  const { api_key } = await api(backendUrl, "POST", "/admin/api-keys", token, {
    title: "Test storefront",
    type: "publishable",
  })
  if (sales_channels.length) {
    await api(backendUrl, "POST", `/admin/api-keys/${api_key.id}/sales-channels`, token, {
      add: [sales_channels[0].id],
    })
  }
  return api_key.token as string
}
