#!/usr/bin/env node
/**
 * `npm run demo`: a real Medusa store with this plugin, seeded, with a mail
 * catcher. Honours PORT, HOST (else 127.0.0.1), DATABASE_URL (else embedded
 * Postgres), SMTP_URL (else maildev), DEMO_INFO_FILE. Reply by email is on:
 * the plugin's SMTP receiver listens on a free local port, the webhook at
 * /hooks/affiliate-messaging/email, both with a secret kept in .demo.
 * Ctrl-C stops everything it started.
 */
import { spawnSync } from "node:child_process"
import fs from "node:fs"
import path from "node:path"
import { fileURLToPath } from "node:url"
import pg from "pg"
import { demoSecrets } from "./lib/demo-secrets.mjs"
import { startEmbeddedPostgres } from "./lib/embedded-postgres.mjs"
import { freePort, waitForSmtp } from "./lib/free-port.mjs"
import { run, startDetached, waitForHttp } from "./lib/processes.mjs"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
/** The lock of integration-tests/helpers/pack.ts (PLUGIN_BUILD_LOCK). */
const PLUGIN_BUILD_LOCK = "/tmp/affmsg-plugin-build.lock"
const hostDir = path.join(root, "demo")
const stateDir = path.join(root, ".demo")
const medusaBin = path.join(root, "node_modules", ".bin", "medusa")
const DB_NAME = "affiliate_messaging_demo"
const PACKAGE_NAME = "medusa-plugin-affiliate-messaging"
// loopback unless told otherwise: the demo's logins are published in its README
const host = process.env.HOST || "127.0.0.1"
const LOOPBACK = /^(127\.|::1$|localhost$)/
const WILDCARD = ["0.0.0.0", "::"]

/** How a URL names `host`: loopback and every-interface binds are reached as localhost. */
function urlHost(name) {
  if (LOOPBACK.test(name) || WILDCARD.includes(name)) return "localhost"
  return name.includes(":") ? `[${name}]` : name
}

const cleanups = []
let stopping = false

async function stopAll(code) {
  if (stopping) return
  stopping = true
  for (const cleanup of cleanups.reverse()) {
    await cleanup().catch((error) => console.error(error.message))
  }
  process.exit(code)
}
process.on("SIGINT", () => stopAll(0))
process.on("SIGTERM", () => stopAll(0))

function log(message) {
  console.log(`[demo] ${message}`)
}

/** The host finds the plugin by package name, as a store would after `npm install`. */
function linkPluginPackage() {
  const link = path.join(root, "node_modules", PACKAGE_NAME)
  if (!fs.existsSync(link)) {
    fs.symlinkSync(root, link, "dir")
  }
}

async function provideDatabase() {
  if (process.env.DATABASE_URL) {
    log(`PostgreSQL: DATABASE_URL`)
    return process.env.DATABASE_URL
  }
  const server = await startEmbeddedPostgres({
    dataDir: path.join(stateDir, "postgres"),
    persistent: true,
    // stopped by stopAll, after Medusa
    stopOnSignal: false,
  })
  cleanups.push(() => server.stop())
  log(`PostgreSQL: embedded on port ${server.port} (data in .demo/postgres)`)
  const admin = new pg.Client({ connectionString: server.url("postgres") })
  await admin.connect()
  const { rowCount } = await admin.query("select 1 from pg_database where datname = $1", [DB_NAME])
  if (!rowCount) {
    await admin.query(`create database "${DB_NAME}"`)
  }
  await admin.end()
  return server.url(DB_NAME)
}

async function provideMail() {
  if (process.env.SMTP_URL) {
    return { smtpUrl: process.env.SMTP_URL, uiUrl: null }
  }
  const { MailDev } = await import("maildev")
  const [smtp, web] = [await freePort(), await freePort()]
  const maildev = new MailDev({ smtp, web, ip: host, webIp: host, silent: true })
  await maildev.start()
  cleanups.push(() => maildev.stop())
  const mailHost = urlHost(host) === "localhost" ? "127.0.0.1" : urlHost(host)
  return { smtpUrl: `smtp://${mailHost}:${smtp}`, uiUrl: `http://${mailHost}:${web}` }
}

/**
 * `npm run build` (scripts/build.mjs: the storefront package, then
 * `medusa plugin:build`; each kept when its inputs are unchanged). Under
 * the lock the test suites build and pack with
 * (integration-tests/helpers/pack.ts) where `flock` exists: a build starts
 * by deleting its output, so a demo built beside a suite's build (CI runs
 * its demo smoke test next to the compat suite) would otherwise compile
 * against a half-written package.
 */
async function buildPlugin() {
  const build = [process.execPath, path.join(root, "scripts/build.mjs")]
  if (spawnSync("flock", ["--version"], { stdio: "ignore" }).status === 0) {
    await run("flock", [PLUGIN_BUILD_LOCK, ...build], { cwd: root, quiet: true })
    return
  }
  await run(build[0], build.slice(1), { cwd: root, quiet: true })
}

async function main() {
  fs.mkdirSync(stateDir, { recursive: true })
  const port = Number(process.env.PORT || (await freePort()))
  const backendUrl = `http://${urlHost(host)}:${port}`
  const secrets = demoSecrets(stateDir)

  log("building the storefront package (client, React, widget) and the plugin (medusa plugin:build)…")
  await buildPlugin()
  linkPluginPackage()

  const databaseUrl = await provideDatabase()
  const mail = await provideMail()
  const inboundSmtpPort = await freePort()
  const inboundHost = urlHost(host) === "localhost" ? "127.0.0.1" : urlHost(host)
  const env = {
    ...process.env,
    MEDUSA_DISABLE_TELEMETRY: "true",
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    // read by `medusa develop`/`start` as their bind address; the storefront page is served by the same server
    HOST: host,
    DEMO_BACKEND_URL: backendUrl,
    JWT_SECRET: process.env.JWT_SECRET || secrets.jwt_secret,
    COOKIE_SECRET: process.env.COOKIE_SECRET || secrets.cookie_secret,
    SMTP_URL: mail.smtpUrl,
    // reply by email (demo/medusa-config.ts): the built-in SMTP receiver and the webhook's secret
    INBOUND_SMTP_PORT: String(inboundSmtpPort),
    INBOUND_SECRET: secrets.inbound_secret,
  }

  log("migrating (medusa db:migrate)…")
  await run(medusaBin, ["db:migrate"], { cwd: hostDir, env, quiet: true })

  log("seeding…")
  const seedOutput = path.join(stateDir, "seed-info.json")
  await run(medusaBin, ["exec", "./src/scripts/seed.ts"], {
    cwd: hostDir,
    env: { ...env, DEMO_SEED_OUTPUT: seedOutput },
    quiet: true,
  })
  const seeded = JSON.parse(fs.readFileSync(seedOutput, "utf8"))

  log(`starting Medusa on ${host}:${port}, reached at ${backendUrl} (log: .demo/medusa.log)…`)
  const logStream = fs.createWriteStream(path.join(stateDir, "medusa.log"))
  // the storefront page (demo/src/api/affiliate) embeds the widget with this key
  const serverEnv = { ...env, DEMO_PUBLISHABLE_KEY: seeded.publishable_key }
  const server = startDetached(medusaBin, ["develop"], { cwd: hostDir, env: serverEnv, logStream })
  cleanups.push(() => server.stop())
  const isAlive = () => server.child.exitCode === null
  server.child.on("exit", (code) => {
    if (!stopping) {
      console.error(`[demo] Medusa exited (${code}); see .demo/medusa.log`)
      stopAll(1)
    }
  })
  await waitForHttp(`${backendUrl}/health`, { isAlive })
  // the plugin's job starts the SMTP receiver in this (shared-mode) process a few seconds after boot
  await waitForSmtp(inboundSmtpPort, inboundHost, { isAlive })

  const info = {
    backend_url: backendUrl,
    admin_url: `${backendUrl}/app`,
    admin_email: seeded.admin_email,
    admin_password: seeded.admin_password,
    publishable_key: seeded.publishable_key,
    affiliates: seeded.affiliates,
    mail_ui_url: mail.uiUrl,
    storefront_url: `${backendUrl}/affiliate/messages`,
    inbound_smtp_url: `smtp://${inboundHost}:${inboundSmtpPort}`,
    inbound_webhook_url: `${backendUrl}/hooks/affiliate-messaging/email`,
    inbound_secret: secrets.inbound_secret,
  }
  if (process.env.DEMO_INFO_FILE) {
    fs.writeFileSync(process.env.DEMO_INFO_FILE, JSON.stringify(info, null, 2))
  }
  printInfo(info)
  if (!LOOPBACK.test(host)) {
    console.log(
      `[demo] WARNING: HOST=${host} makes the demo reachable from other machines, and its logins above are public. Do not leave it exposed.\n`
    )
  }
}

function printInfo(info) {
  const lines = [
    "",
    "Affiliate messaging demo is running.",
    "",
    `  Medusa Admin     ${info.admin_url}`,
    `    login          ${info.admin_email} / ${info.admin_password}   (published demo login: local use only)`,
    `  Storefront page  ${info.storefront_url}   (affiliate login + Messages tab)`,
    `  Backend API      ${info.backend_url}`,
    `  Publishable key  ${info.publishable_key}`,
    `  Mail catcher     ${info.mail_ui_url ?? "(SMTP_URL given: your own server)"}`,
    `  Reply by email   ${info.inbound_smtp_url}   (SMTP receiver; the Reply-To of each notification is its address)`,
    `    webhook        ${info.inbound_webhook_url}   (Authorization: Bearer ${info.inbound_secret})`,
    "",
    "  Affiliate logins (POST /auth/affiliate/emailpass):",
    ...info.affiliates.map(
      (a, i) =>
        `    ${a.email} / ${a.password}   ${
          ["Northwind Media, member 1", "Northwind Media, member 2", "Blue Peak Reviews (managed by the demo admin)", "Deal Hub (group with messaging disabled)"][i]
        }`
    ),
    "",
    "Press Ctrl-C to stop everything.",
    "",
  ]
  console.log(lines.join("\n"))
}

main().catch(async (error) => {
  console.error(`[demo] failed: ${error.message}`)
  await stopAll(1)
})
