import { execFileSync } from "node:child_process"
import fs from "node:fs"
import path from "node:path"
import { freePort } from "../../scripts/lib/free-port.mjs"
import { run, startDetached, waitForHttp } from "../../scripts/lib/processes.mjs"

const PACKAGE_NAME = "medusa-plugin-affiliate-messaging"

/**
 * The benchmark's store as a merchant runs it: bench/host copied to
 * `dir`, the plugin's `npm pack` tarball unpacked into its node_modules
 * (found by package name; its dependencies resolve from the repository's
 * node_modules), `medusa build`, and `medusa start` from .medusa/server
 * with NODE_ENV=production.
 */
export class BenchHost {
  constructor({ root, dir, tarball, env }) {
    this.root = root
    this.dir = dir
    this.tarball = tarball
    this.env = env
    this.medusaBin = path.join(root, "node_modules/.bin/medusa")
  }

  commandEnv(extra = {}) {
    return {
      ...process.env,
      ...this.env,
      NODE_ENV: "production",
      // the memory probe (GET /admin/bench-memory) collects garbage before it reads
      NODE_OPTIONS: "--expose-gc",
      MEDUSA_DISABLE_TELEMETRY: "true",
      LOG_LEVEL: "error",
      ...extra,
    }
  }

  async build() {
    fs.rmSync(this.dir, { recursive: true, force: true })
    fs.cpSync(path.join(this.root, "bench/host"), this.dir, { recursive: true })
    const installDir = path.join(this.dir, "node_modules", PACKAGE_NAME)
    fs.mkdirSync(installDir, { recursive: true })
    execFileSync("tar", ["-xzf", this.tarball, "-C", installDir, "--strip-components=1"])
    await run(this.medusaBin, ["build"], { cwd: this.dir, env: this.commandEnv(), quiet: true })
  }

  async migrate() {
    await run(this.medusaBin, ["db:migrate"], { cwd: this.dir, env: this.commandEnv(), quiet: true })
  }

  async createAdmin(email, password) {
    await run(this.medusaBin, ["user", "-e", email, "-p", password], {
      cwd: this.dir,
      env: this.commandEnv(),
      quiet: true,
    })
  }

  /**
   * Starts `medusa start`; resolves once /health answers. `nodeArgs`: flags
   * for Node itself (e.g. `--cpu-prof`, which NODE_OPTIONS refuses).
   */
  async start({ extraEnv = {}, logName = "medusa.log", nodeArgs = [] } = {}) {
    const port = await freePort()
    const logStream = fs.createWriteStream(path.join(this.dir, logName))
    const [command, args] = nodeArgs.length
      ? [process.execPath, [...nodeArgs, this.medusaBin, "start"]]
      : [this.medusaBin, ["start"]]
    const server = startDetached(command, args, {
      cwd: path.join(this.dir, ".medusa/server"),
      env: this.commandEnv({ PORT: String(port), ...extraEnv }),
      logStream,
    })
    const url = `http://localhost:${port}`
    await waitForHttp(`${url}/health`, { isAlive: () => server.child.exitCode === null })
    return {
      url,
      pid: server.child.pid,
      rssMb: () => sessionRssMb(server.child.pid),
      stop: server.stop,
      logFile: path.join(this.dir, logName),
    }
  }
}

/** RSS of every process in the server's session (started detached: its own session), in MB. */
function sessionRssMb(sid) {
  try {
    const out = execFileSync("ps", ["-o", "rss=", "--sid", String(sid)], { encoding: "utf8" })
    return out.split("\n").reduce((sum, line) => sum + (Number(line.trim()) || 0), 0) / 1024
  } catch {
    return 0
  }
}
