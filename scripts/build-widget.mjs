#!/usr/bin/env node
/**
 * Builds <affiliate-messages> / <affiliate-messages-badge> (src/widget) into
 * one self-contained, minified IIFE with React bundled in:
 * .medusa/server/widget/affiliate-messages.js (package export `./widget`).
 * Runs after `medusa plugin:build`, which wipes .medusa/server.
 */
import { build } from "esbuild"
import fs from "node:fs"
import path from "node:path"
import { fileURLToPath } from "node:url"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const outfile = path.join(root, ".medusa/server/widget/affiliate-messages.js")

await build({
  entryPoints: [path.join(root, "src/widget/index.tsx")],
  outfile,
  bundle: true,
  minify: true,
  format: "iife",
  platform: "browser",
  target: ["es2020"],
  jsx: "automatic",
  define: { "process.env.NODE_ENV": '"production"' },
  logLevel: "warning",
})

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`
const bytes = fs.readFileSync(outfile)
const { gzipSync } = await import("node:zlib")
console.log(`widget: ${path.relative(root, outfile)} ${kb(bytes.length)} (${kb(gzipSync(bytes).length)} gzipped)`)
