import { execFileSync } from "child_process"
import fs from "fs"
import os from "os"
import path from "path"

const root = path.resolve(__dirname, "../..")

export const PLUGIN_PACKAGE = "medusa-plugin-affiliate-messaging"

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
export function buildAndPackPlugin(): { tarball: string; files: PackedFile[]; cleanup: () => void } {
  const packDir = fs.mkdtempSync(path.join(os.tmpdir(), "affmsg-pack-"))
  const output = execFileSync(
    "flock",
    [
      PLUGIN_BUILD_LOCK,
      "sh",
      "-c",
      // build output goes to stderr, so stdout is npm pack's JSON alone
      `npm run build >&2 && npm pack --json --pack-destination "$0"`,
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
  const [{ filename, files }] = JSON.parse(output.slice(output.indexOf("[")))
  return {
    tarball: path.join(packDir, filename),
    files,
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
