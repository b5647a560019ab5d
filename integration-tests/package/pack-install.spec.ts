import { ChildProcess, execFileSync, spawn } from "child_process"
import fs from "fs"
import os from "os"
import path from "path"
import { databaseUrl, medusaBin as medusa, sql } from "../helpers/medusa-process"
import { installPackedPlugin } from "../helpers/pack"

/**
 * Proves the published artifact works: `npm pack` output unpacked into a
 * separate minimal store (integration-tests/host-app) that names the plugin
 * in `plugins`, runs `medusa db:migrate`, boots and serves /admin/affiliates.
 */
jest.setTimeout(300_000)

const root = path.resolve(__dirname, "../..")
const hostDir = path.join(root, "integration-tests/host-app")
const dbName = `affmsg_pack_${process.pid}`

const adminQuery = (text: string) => sql("postgres", text)

function freePort(): Promise<number> {
  const net = require("net")
  return new Promise((resolve) => {
    const server = net.createServer()
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

describe("npm pack output installed into a separate store", () => {
  let server: ChildProcess | undefined
  let serverLog = ""
  const env = () => ({
    ...process.env,
    DATABASE_URL: databaseUrl(dbName),
    MEDUSA_DISABLE_TELEMETRY: "true",
    NODE_OPTIONS: "",
  })

  beforeAll(async () => {
    const { files } = installPackedPlugin(hostDir)
    // only the built server belongs in the package
    for (const file of files) {
      expect(file.path).toMatch(/^(\.medusa\/server\/|package\.json$|README\.md$|LICENSE)/)
    }

    await adminQuery(`drop database if exists "${dbName}"`)
    await adminQuery(`create database "${dbName}"`)
  })

  afterAll(async () => {
    if (server && server.exitCode === null) {
      process.kill(-server.pid!, "SIGKILL")
    }
    fs.rmSync(path.join(hostDir, "node_modules"), { recursive: true, force: true })
    fs.rmSync(path.join(hostDir, ".medusa"), { recursive: true, force: true })
    await adminQuery(`drop database if exists "${dbName}" with (force)`)
  })

  it("leaves the storefront entry points to the storefront package, which it depends on", () => {
    const installed = path.join(hostDir, "node_modules/medusa-plugin-affiliate-messaging")
    // resolved by plain Node from the store, as a storefront's build would
    const resolution = execFileSync(
      process.execPath,
      [
        "-e",
        `for (const entry of ["client", "react", "widget", "admin"]) {
          let found
          try { found = require.resolve("medusa-plugin-affiliate-messaging/" + entry) } catch (error) { found = error.code }
          console.log(entry, found)
        }`,
      ],
      { cwd: hostDir, encoding: "utf8", env: { ...process.env, NODE_OPTIONS: "" } }
    )
    expect(resolution.trim().split("\n")).toEqual([
      // the wildcard export points there, but no such file is built
      "client MODULE_NOT_FOUND",
      "react MODULE_NOT_FOUND",
      "widget MODULE_NOT_FOUND",
      `admin ${path.join(installed, ".medusa/server/src/admin/index.js")}`,
    ])
    const manifest = JSON.parse(fs.readFileSync(path.join(installed, "package.json"), "utf8"))
    const storefront = JSON.parse(fs.readFileSync(path.join(root, "packages/storefront/package.json"), "utf8"))
    // released together: the server's shared limits are the storefront's, at the same version
    expect(manifest.dependencies[storefront.name]).toBe(storefront.version)
    expect(manifest.dependencies["linkify-it"]).toBeUndefined()
    // the built server reads them from the package by name, not from a copy of its own
    const attachmentTypes = fs.readFileSync(path.join(installed, ".medusa/server/src/utils/attachment-types.js"), "utf8")
    expect(attachmentTypes).toContain(`require("${storefront.name}")`)
  })

  it("migrates, boots and serves /admin/affiliates", async () => {
    execFileSync(medusa, ["db:migrate"], { cwd: hostDir, env: env(), stdio: "pipe" })
    const tables = await sql(
      dbName,
      "select table_name from information_schema.tables where table_name like 'affiliate%' order by 1"
    )
    expect(tables.map((t) => t.table_name)).toEqual([
      "affiliate",
      "affiliate_broadcast",
      "affiliate_broadcast_recipient",
      "affiliate_conversation",
      "affiliate_group",
      "affiliate_imap_cursor",
      "affiliate_inbound_email",
      "affiliate_inbox_tally",
      "affiliate_invite",
      "affiliate_live_event",
      "affiliate_member",
      "affiliate_member_read_state",
      "affiliate_message",
      "affiliate_message_attachment",
      "affiliate_messaging_setting",
      "affiliate_notification_claim",
      "affiliate_reply_key",
      "affiliate_stream_ticket",
      "affiliate_thread_email",
    ])
    // the hand-written migrations ran too: the inbox tally's triggers
    const triggers = await sql(
      dbName,
      "select tgname from pg_trigger where tgname like 'affiliate_inbox_tally%' order by 1"
    )
    expect(triggers.map((t) => t.tgname)).toEqual(
      ["delete", "insert", "truncate", "update"].map((event) => `affiliate_inbox_tally_on_${event}`)
    )

    execFileSync(medusa, ["user", "-e", "owner@pack.test", "-p", "pack-password"], {
      cwd: hostDir,
      env: env(),
      stdio: "pipe",
    })

    const port = await freePort()
    const loadedPackagesFile = path.join(os.tmpdir(), `affmsg-pack-loaded-${process.pid}.txt`)
    server = spawn(medusa, ["start"], {
      cwd: hostDir,
      env: {
        ...env(),
        PORT: String(port),
        NODE_OPTIONS: `--require ${path.join(root, "integration-tests/helpers/report-loaded-packages.cjs")}`,
        AFFMSG_LOADED_PACKAGES_FILE: loadedPackagesFile,
      },
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    })
    server.stdout!.on("data", (chunk) => (serverLog += chunk))
    server.stderr!.on("data", (chunk) => (serverLog += chunk))

    const base = `http://localhost:${port}`
    const deadline = Date.now() + 120_000
    let healthy = false
    while (!healthy && Date.now() < deadline && server.exitCode === null) {
      healthy = await fetch(`${base}/health`).then((r) => r.ok, () => false)
      if (!healthy) await new Promise((r) => setTimeout(r, 500))
    }
    if (!healthy) throw new Error(`store did not start:\n${serverLog.slice(-3000)}`)

    const login = await fetch(`${base}/auth/user/emailpass`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "owner@pack.test", password: "pack-password" }),
    })
    expect(login.status).toBe(200)
    const { token } = await login.json()
    const auth = { authorization: `Bearer ${token}`, "content-type": "application/json" }

    const created = await fetch(`${base}/admin/affiliates`, {
      method: "POST",
      headers: auth,
      body: JSON.stringify({ name: "Packed", email: "packed@pack.test" }),
    })
    expect(created.status).toBe(200)

    const list = await fetch(`${base}/admin/affiliates`, { headers: auth })
    expect(list.status).toBe(200)
    const body = await list.json()
    expect(body.count).toBe(1)
    expect(body.affiliates[0]).toEqual(expect.objectContaining({ name: "Packed", status: "pending" }))

    // a store without reply by email does not carry its mail libraries (decision 0043)
    process.kill(server.pid!, "SIGUSR2")
    const deadlineForList = Date.now() + 10_000
    while (!fs.existsSync(loadedPackagesFile) && Date.now() < deadlineForList) {
      await new Promise((r) => setTimeout(r, 100))
    }
    const loaded = fs.readFileSync(loadedPackagesFile, "utf8").split("\n")
    fs.rmSync(loadedPackagesFile)
    // the list is the server's own: it holds the plugin
    expect(loaded).toContain("medusa-plugin-affiliate-messaging")
    const inboundOnly = ["imapflow", "smtp-server", "mailparser", "mailauth", "html-to-text", "htmlparser2"]
    expect(loaded.filter((name) => inboundOnly.includes(name))).toEqual([])

    process.kill(-server.pid!, "SIGTERM")
    await new Promise((resolve) => server!.once("exit", resolve))
  })
})
