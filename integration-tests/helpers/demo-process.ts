import { ChildProcess, spawn } from "child_process"
import fs from "fs"
import os from "os"
import path from "path"
import { eventually } from "./eventually"
import { databaseUrl, sql } from "./medusa-process"
import { freePortSync } from "./ports"

const root = path.resolve(__dirname, "../..")

/** What `npm run demo` writes to DEMO_INFO_FILE (the fields the browser specs use). */
export type DemoInfo = {
  backend_url: string
  admin_email: string
  admin_password: string
  storefront_url: string
  publishable_key: string
  affiliates: { email: string; password: string; affiliate_id: string; member_id: string }[]
}

/**
 * `npm run demo` (scripts/demo.mjs) on a fresh database, until it has written
 * its facts; `stop()` goes through the demo's own Ctrl-C path and drops the
 * database.
 */
export async function startDemo(name: string): Promise<{ info: DemoInfo; database: string; stop: () => Promise<void> }> {
  const database = `affmsg_${name}_${process.pid}`
  const infoFile = path.join(os.tmpdir(), `affmsg-${name}-${process.pid}.json`)
  let log = ""
  await sql("postgres", `drop database if exists "${database}" with (force)`)
  await sql("postgres", `create database "${database}"`)
  const demo: ChildProcess = spawn(process.execPath, ["scripts/demo.mjs"], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "development",
      NODE_OPTIONS: "",
      DATABASE_URL: databaseUrl(database),
      PORT: String(freePortSync()),
      DEMO_INFO_FILE: infoFile,
      LOG_LEVEL: "info",
    },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  })
  demo.stdout!.on("data", (chunk) => (log += chunk))
  demo.stderr!.on("data", (chunk) => (log += chunk))

  const stop = async () => {
    if (demo.exitCode === null) {
      const exited = new Promise((resolve) => demo.once("exit", resolve))
      demo.kill("SIGINT") // the demo's own Ctrl-C path stops what it started
      const timer = setTimeout(() => process.kill(-demo.pid!, "SIGKILL"), 20_000)
      await exited
      clearTimeout(timer)
    }
    fs.rmSync(infoFile, { force: true })
    await sql("postgres", `drop database if exists "${database}" with (force)`)
  }

  try {
    await eventually(
      () => {
        if (demo.exitCode !== null) throw new Error(`the demo exited:\n${log.slice(-3000)}`)
        return fs.existsSync(infoFile)
      },
      { timeoutMs: 420_000, intervalMs: 1000 }
    )
  } catch (error) {
    await stop()
    throw error
  }
  return { info: JSON.parse(fs.readFileSync(infoFile, "utf8")), database, stop }
}
