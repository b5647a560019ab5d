#!/usr/bin/env node
/**
 * Builds the package with plain tsc, twice: ES modules (dist/esm, for
 * bundlers and `import`) and CommonJS (dist/cjs, for `require`: the server
 * plugin, which `medusa plugin:build` compiles to CommonJS, reads the shared
 * limits from here). Then the web component bundle (build-widget.mjs).
 * Kept as it is when no input changed since the last build in this
 * checkout (`--force` builds anyway): see scripts/lib/build-cache.mjs.
 */
import { execFileSync } from "node:child_process"
import fs from "node:fs"
import { createRequire } from "node:module"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { buildUnlessUnchanged } from "../../../scripts/lib/build-cache.mjs"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc")
const dist = path.join(root, "dist")

const inputs = ["src", "scripts", "package.json", "tsconfig.json", "tsconfig.esm.json", "tsconfig.cjs.json", "../../package-lock.json"]
const outputs = ["dist/esm/index.js", "dist/cjs/index.js", "dist/widget/affiliate-messages.js"]

await buildUnlessUnchanged({ name: "storefront", root, inputs, outputs }, async () => {
  fs.rmSync(dist, { recursive: true, force: true })
  for (const [config, format] of [["tsconfig.esm.json", "module"], ["tsconfig.cjs.json", "commonjs"]]) {
    execFileSync(process.execPath, [tsc, "-p", path.join(root, config)], { cwd: root, stdio: "inherit" })
    const outDir = path.join(dist, format === "module" ? "esm" : "cjs")
    // the package itself is CommonJS by default; the ESM folder says otherwise for Node
    fs.writeFileSync(path.join(outDir, "package.json"), `${JSON.stringify({ type: format })}\n`)
  }
  await import("./build-widget.mjs")
})
