import { freePortSync } from "./ports"
import {
  createPublishableKey,
  databaseFromTemplate,
  prepareProductionHost,
  startProductionServer,
  timedStep,
  waitForHealth,
} from "./production-host"
import type { MedusaProcess } from "./medusa-process"

/** The store with the admin dashboard: integration-tests/admin-host. */
const ADMIN_HOST = {
  name: "admin-host",
  admin: { email: "owner@browser.test", password: "browser-test-password" },
}

export const ADMIN_EMAIL = ADMIN_HOST.admin.email
export const ADMIN_PASSWORD = ADMIN_HOST.admin.password
/** The admin host's `inboundEmail.secret` (integration-tests/admin-host/medusa-config.ts). */
export const ADMIN_HOST_INBOUND_SECRET = "admin-host-inbound-secret"

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
  const host = await prepareProductionHost(ADMIN_HOST, report)
  const timings: Record<string, number> = { ...host.timings }
  const step = timedStep(timings, report)

  const databaseName = `affmsg_admin_${process.pid}_${Date.now().toString(36)}`
  const port = freePortSync()
  const backendUrl = `http://localhost:${port}`
  let database: Awaited<ReturnType<typeof databaseFromTemplate>> | undefined
  let server: MedusaProcess | undefined

  const stop = async () => {
    await server?.stop()
    await database?.drop()
    await host.release()
  }

  try {
    database = await step("database from the migrated template", () => databaseFromTemplate(host, databaseName))

    await step("medusa start until /health and /app", async () => {
      server = startProductionServer(host, { DATABASE_URL: database!.url, PORT: String(port) }, databaseName)
      await waitForHealth(server, backendUrl)
      await server.waitUntil(async () => {
        const res = await fetch(`${backendUrl}/app`)
        const html = await res.text()
        const script = html.match(/<script[^>]+src="([^"]+\.js)"/)?.[1]
        if (!res.ok || !html.includes('id="medusa"') || !script) return false
        return (await fetch(new URL(script, backendUrl))).ok
      }, "the built dashboard at /app")
    })

    const publishableKey = await step("publishable key", () => createPublishableKey(backendUrl, ADMIN_HOST.admin))
    timings.total = (Date.now() - started) / 1000

    return {
      backendUrl,
      adminUrl: `${backendUrl}/app`,
      adminEmail: ADMIN_EMAIL,
      adminPassword: ADMIN_PASSWORD,
      publishableKey,
      databaseName,
      timings,
      reusedBuild: host.reused,
      rssMb: () => server?.rssMb() ?? 0,
      log: () => server?.log ?? "",
      stop,
    }
  } catch (error) {
    await stop().catch(() => {})
    throw error
  }
}
