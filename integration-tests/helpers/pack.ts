import { execFileSync } from "child_process"
import fs from "fs"
import os from "os"
import path from "path"

const root = path.resolve(__dirname, "../..")

export const PLUGIN_PACKAGE = "medusa-plugin-affiliate-messaging"
export const STOREFRONT_PACKAGE = "medusa-plugin-affiliate-messaging-storefront"

/**
 * Other processes (people's test runs, the demo) rebuild the plugin at the
 * same time; `plugin:build` first deletes .medusa/server, so a build or a pack
 * beside another build sees half a package. Every build takes this lock.
 */
export const PLUGIN_BUILD_LOCK = "/tmp/affmsg-plugin-build.lock"

export type PackedFile = { path: string; size: number; mode: number }

/**
 * `npm run build` (plugin:build + the storefront widget), then `npm pack` of the result, both under the build
 * lock (one `flock` call), so the tarball is the output of this build and of
 * no other. Returns the tarball in a temp folder; `cleanup()` removes it.
 */
export function buildAndPackPlugin(): {
  tarball: string
  /** The storefront workspace package the plugin depends on, packed from the same build. */
  storefrontTarball: string
  files: PackedFile[]
  cleanup: () => void
} {
  const packDir = fs.mkdtempSync(path.join(os.tmpdir(), "affmsg-pack-"))
  const output = execFileSync(
    "flock",
    [
      PLUGIN_BUILD_LOCK,
      "sh",
      "-c",
      // build output goes to stderr, so stdout is npm pack's JSON alone; the
      // storefront package is packed too: the plugin depends on it, and until
      // both are published a store installs the two tarballs together
      `npm run build >&2 && npm pack --ignore-scripts --json --workspaces --include-workspace-root --pack-destination "$0"`,
      packDir,
    ],
    {
      cwd: root,
      encoding: "utf8",
      env: { ...process.env, MEDUSA_DISABLE_TELEMETRY: "true", NPM_CONFIG_UPDATE_NOTIFIER: "false" },
      stdio: ["ignore", "pipe", "pipe"],
      maxBuffer: 64 * 1024 * 1024,
    }
  )
  const packed: { name: string; filename: string; files: PackedFile[] }[] = JSON.parse(output.slice(output.indexOf("[")))
  const plugin = packed.find((entry) => entry.name === PLUGIN_PACKAGE)!
  const storefront = packed.find((entry) => entry.name === STOREFRONT_PACKAGE)!
  return {
    tarball: path.join(packDir, plugin.filename),
    storefrontTarball: path.join(packDir, storefront.filename),
    files: plugin.files,
    cleanup: () => fs.rmSync(packDir, { recursive: true, force: true }),
  }
}

/**
 * Builds and packs the plugin and unpacks the tarball into
 * `<hostDir>/node_modules/medusa-plugin-affiliate-messaging`: a real copy, as
 * `npm install` of the published package would leave it. The host finds it
 * by package name; its dependencies resolve from the repository's
 * node_modules (the host folders live inside the repository).
 */
export function installPackedPlugin(hostDir: string): { installDir: string; files: PackedFile[] } {
  const packed = buildAndPackPlugin()
  try {
    const installDir = path.join(hostDir, "node_modules", PLUGIN_PACKAGE)
    fs.rmSync(installDir, { recursive: true, force: true })
    fs.mkdirSync(installDir, { recursive: true })
    execFileSync("tar", ["-xzf", packed.tarball, "-C", installDir, "--strip-components=1"])
    return { installDir, files: packed.files }
  } finally {
    packed.cleanup()
  }
}
