#!/usr/bin/env node
/**
 * `npm run build`: the storefront package first (the plugin's server and
 * admin import its shared limits), then `medusa plugin:build` into
 * .medusa/server. Each is kept as it is when none of its inputs changed
 * since its last build in this checkout; `--force` builds both anyway
 * (scripts/lib/build-cache.mjs says why).
 */
import { execFileSync } from "node:child_process"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { buildUnlessUnchanged } from "./lib/build-cache.mjs"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const run = (file, args) => execFileSync(file, args, { cwd: root, stdio: "inherit" })

run(process.execPath, [path.join(root, "packages/storefront/scripts/build.mjs"), ...process.argv.slice(2)])

await buildUnlessUnchanged(
  {
    name: "plugin",
    root,
    // the storefront package's build output, not its sources: what plugin:build compiles against
    inputs: ["src", "medusa-config.ts", "package.json", "package-lock.json", "tsconfig.json", "packages/storefront/dist"],
    outputs: [".medusa/server/src/admin/index.js", ".medusa/server/src/modules/messaging/index.js"],
  },
  () => run(path.join(root, "node_modules/.bin/medusa"), ["plugin:build"])
)
