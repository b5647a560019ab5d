#!/usr/bin/env node
/**
 * Builds <affiliate-messages> / <affiliate-messages-badge> (src/widget) into
 * one self-contained, minified IIFE with React bundled in:
 * dist/widget/affiliate-messages.js (package export `./widget`), beside the
 * declaration of the two elements.
 */
import { build } from "esbuild"
import fs from "node:fs"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { gzipSync } from "node:zlib"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const outfile = path.join(root, "dist/widget/affiliate-messages.js")

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
fs.copyFileSync(path.join(root, "src/widget/affiliate-messages.d.ts"), outfile.replace(/\.js$/, ".d.ts"))

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`
const bytes = fs.readFileSync(outfile)
console.log(`widget: ${path.relative(root, outfile)} ${kb(bytes.length)} (${kb(gzipSync(bytes).length)} gzipped)`)
