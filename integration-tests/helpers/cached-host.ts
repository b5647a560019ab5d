import { execFileSync } from "child_process"
import crypto from "crypto"
import fs from "fs"
import os from "os"
import path from "path"

/**
 * Where stores on other Medusa versions are installed: outside the clone, so
 * nothing resolves from the repository's node_modules (Medusa 2.21.2) by
 * walking up the folder tree, and kept between runs.
 */
export const HOST_CACHE_DIR = process.env.AFFMSG_HOST_CACHE_DIR || path.join(os.homedir(), ".cache", "affmsg-hosts")

export type Report = (message: string) => void

/**
 * A fresh store's `npm install` of the template's package.json (plain: no
 * --legacy-peer-deps, no --force), kept in HOST_CACHE_DIR under a name made
 * of the Medusa version, Node's major version and the hash of the template's
 * package.json: reused while these are unchanged, made again (~2 min with a
 * warm npm cache, ~8 min cold on 2 cores) when one changes. One `flock` per
 * name: runs started together make it once. Older installs of the same
 * Medusa version are removed when a new one is made.
 */
export function cachedHostInstall(templateDir: string, report: Report = () => {}) {
  const packageJson = fs.readFileSync(path.join(templateDir, "package.json"))
  const medusaVersion = JSON.parse(packageJson.toString()).dependencies["@medusajs/medusa"]
  const prefix = `medusa-${medusaVersion}-node${process.versions.node.split(".")[0]}-`
  const dir = path.join(
    HOST_CACHE_DIR,
    prefix + crypto.createHash("sha256").update(packageJson).digest("hex").slice(0, 12),
  )
  const ready = path.join(dir, ".ready")
  if (fs.existsSync(ready)) {
    report(`store install reused: ${dir}`)
    return { dir, reused: true }
  }
  fs.mkdirSync(HOST_CACHE_DIR, { recursive: true })
  const t0 = Date.now()
  execFileSync(
    "flock",
    [
      `${dir}.lock`,
      "sh",
      "-c",
      `set -e
       [ -e "$0/.ready" ] && exit 0
       rm -rf "$0.staging" && mkdir -p "$0.staging" && cp "$1" "$0.staging/package.json"
       (cd "$0.staging" && nice -n 10 npm install --no-audit --no-fund) >&2
       touch "$0.staging/.ready"
       for old in "$2"*; do case "$old" in *.lock|"$0.staging") ;; *) rm -rf "$old" ;; esac; done
       mv "$0.staging" "$0"`,
      dir,
      path.join(templateDir, "package.json"),
      path.join(HOST_CACHE_DIR, prefix),
    ],
    {
      env: { ...process.env, NODE_OPTIONS: "", NPM_CONFIG_UPDATE_NOTIFIER: "false", MEDUSA_DISABLE_TELEMETRY: "true" },
      stdio: ["ignore", "ignore", "pipe"],
      maxBuffer: 64 * 1024 * 1024,
    },
  )
  report(`store install made in ${((Date.now() - t0) / 1000).toFixed(0)} s: ${dir}`)
  return { dir, reused: false }
}

/**
 * A store of this run made from the cached install: its node_modules
 * hard-linked (npm replaces a package's folder rather than writing into its
 * files, so the cache is left as it was), its package.json and lockfiles
 * real copies, since npm rewrites those. `remove()` deletes it.
 */
export function storeFromCachedInstall(cachedDir: string) {
  const runsDir = path.join(HOST_CACHE_DIR, "runs")
  fs.mkdirSync(runsDir, { recursive: true })
  // runs killed before their cleanup
  for (const name of fs.readdirSync(runsDir)) {
    const stale = path.join(runsDir, name)
    if (Date.now() - fs.statSync(stale).mtimeMs > 24 * 3600_000) fs.rmSync(stale, { recursive: true, force: true })
  }
  const dir = fs.mkdtempSync(path.join(runsDir, "store-"))
  fs.chmodSync(dir, 0o755)
  execFileSync("cp", ["-al", path.join(cachedDir, "node_modules"), path.join(dir, "node_modules")])
  for (const file of ["package.json", "package-lock.json", "node_modules/.package-lock.json"]) {
    fs.rmSync(path.join(dir, file), { force: true })
    if (fs.existsSync(path.join(cachedDir, file))) fs.copyFileSync(path.join(cachedDir, file), path.join(dir, file))
  }
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) }
}
