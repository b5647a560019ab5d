import { spawn, spawnSync } from "child_process"
import fs from "fs"
import net from "net"
import os from "os"
import path from "path"
import { LocalServer } from "./child-process"

const DOVECOT = "/usr/sbin/dovecot"

/**
 * Makes sure Debian's Dovecot IMAP server is installed: installs
 * `dovecot-imapd` with apt-get when it is missing and this runs as root.
 * Returns why it cannot be had, or null when it is there. The package's
 * own service is never started (tests run private instances).
 */
export function ensureDovecot(): string | null {
  if (fs.existsSync(DOVECOT)) {
    return null
  }
  if (process.getuid?.() !== 0) {
    return "dovecot is not installed and this is not root (apt-get install -y dovecot-imapd)"
  }
  const install = spawnSync(
    "sh",
    ["-c", "apt-get install -y -qq dovecot-imapd || (apt-get update -qq && apt-get install -y -qq dovecot-imapd)"],
    { env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" }, encoding: "utf8", timeout: 300_000 }
  )
  return fs.existsSync(DOVECOT) ? null : `apt-get install dovecot-imapd failed: ${(install.stderr || install.error?.message || "").trim().slice(-300)}`
}

/**
 * A private Dovecot (IMAP only, plain text on 127.0.0.1) on a free port,
 * with a throwaway configuration in a temporary folder: its own passdb
 * with one user, Maildir storage in the same folder, nothing system-wide.
 * stop()/start() restart it on the same port and mail, as an outage does.
 */
export class DovecotServer extends LocalServer {
  readonly user = "replies"
  readonly pass = "test-password"

  constructor() {
    super("dovecot")
  }

  /** imap://user:pass@127.0.0.1:port, as `inboundEmail.imap.url` takes it. */
  get url() {
    return `imap://${this.user}:${this.pass}@127.0.0.1:${this.port}`
  }

  get config() {
    return path.join(this.dir, "dovecot.conf")
  }

  async start(): Promise<this> {
    if (!fs.existsSync(this.config)) {
      this.writeConfig()
    }
    const child = spawn(DOVECOT, ["-F", "-c", this.config], { stdio: ["ignore", "ignore", "pipe"] })
    let stderr = ""
    child.stderr!.on("data", (chunk) => (stderr += chunk))
    return this.run(child, 15_000, () => `dovecot did not start on port ${this.port}: ${stderr}${this.log()}`)
  }

  log(): string {
    try {
      return fs.readFileSync(path.join(this.dir, "dovecot.log"), "utf8")
    } catch {
      return ""
    }
  }

  protected writeConfig() {
    const root = process.getuid?.() === 0
    // mail is never stored as root: Dovecot refuses uid 0 for mail users
    const mailUid = root ? 65534 : process.getuid!()
    const mailGid = root ? 65534 : process.getgid!()
    const me = os.userInfo().username
    for (const folder of ["run", "mail"]) {
      fs.mkdirSync(path.join(this.dir, folder), { recursive: true })
    }
    fs.chmodSync(this.dir, 0o755)
    fs.chownSync(path.join(this.dir, "mail"), mailUid, mailGid)
    fs.writeFileSync(path.join(this.dir, "users"), `${this.user}:{PLAIN}${this.pass}\n`)
    fs.writeFileSync(
      this.config,
      `
instance_name = affmsg-${this.port}
base_dir = ${this.dir}/run
state_dir = ${this.dir}/run/state
log_path = ${this.dir}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
${root ? "" : `default_internal_user = ${me}\ndefault_login_user = ${me}\ndefault_internal_group = ${os.userInfo().username}\n`}
first_valid_uid = ${mailUid}
last_valid_uid = ${mailUid}
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${this.dir}/users
}
userdb {
  driver = static
  args = uid=${mailUid} gid=${mailGid} home=${this.dir}/mail/%u
}
mail_location = maildir:${this.dir}/mail/%u/Maildir
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${this.port}
  }
  inet_listener imaps {
    port = 0
  }
}
service stats {
  inet_listener http {
    port = 0
  }
}
`
    )
  }

  protected override answers(): Promise<boolean> {
    return new Promise((resolve) => {
      const socket = net.connect(this.port, "127.0.0.1")
      socket.once("data", (greeting) => {
        socket.destroy()
        resolve(greeting.toString().startsWith("* OK"))
      })
      socket.once("error", () => resolve(false))
    })
  }
}
