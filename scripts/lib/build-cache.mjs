/**
 * Skips a build whose inputs have not changed since it last ran in this
 * checkout.
 *
 * Why: both builds here start by deleting their output (the storefront
 * package's tsc its `dist`, `medusa plugin:build` its `.medusa/server`), and
 * the tests, the demo and the bench each build before they pack or serve.
 * A rebuild beside a running demo pulled the widget from under it (GET
 * /affiliate/widget 500). Unchanged inputs now leave the output in place,
 * and save each later build its minute.
 *
 * The record is a digest of every input file's path and bytes, kept in
 * node_modules/.cache/affmsg-build/<name>.json (deleting node_modules, or
 * `--force`, resets it). It is removed before a build starts and written
 * after it succeeds, so a build that failed halfway is never taken as done.
 */
import { createHash } from "node:crypto"
import fs from "node:fs"
import path from "node:path"

/** Folders never read as inputs: installed packages and build output. */
const SKIPPED = new Set(["node_modules", "dist", ".medusa"])

function inputFiles(root, inputs) {
  const files = []
  const visit = (relative) => {
    const absolute = path.join(root, relative)
    const stat = fs.statSync(absolute, { throwIfNoEntry: false })
    if (!stat) {
      return
    }
    if (!stat.isDirectory()) {
      files.push(relative)
      return
    }
    for (const entry of fs.readdirSync(absolute)) {
      if (!SKIPPED.has(entry)) {
        visit(path.join(relative, entry))
      }
    }
  }
  inputs.forEach(visit)
  return files.sort()
}

/** sha256 over each input file's path and bytes. */
function digestOf(root, inputs) {
  const hash = createHash("sha256")
  for (const file of inputFiles(root, inputs)) {
    hash.update(file).update("\0").update(fs.readFileSync(path.join(root, file))).update("\0")
  }
  return hash.digest("hex")
}

/**
 * Runs `build` unless the `inputs` (files or folders under `root`, build
 * output folders skipped; name `dist` itself to hash a package's output)
 * hash as at the last successful build and every one of `outputs` exists.
 */
export async function buildUnlessUnchanged({ name, root, inputs, outputs, force = process.argv.includes("--force") }, build) {
  const recordFile = path.join(root, "node_modules/.cache/affmsg-build", `${name}.json`)
  const digest = digestOf(root, inputs)
  const record = fs.existsSync(recordFile) ? JSON.parse(fs.readFileSync(recordFile, "utf8")) : null
  if (!force && record?.digest === digest && outputs.every((output) => fs.existsSync(path.join(root, output)))) {
    console.log(`${name}: inputs unchanged since the build of ${record.built_at}; kept (--force builds anyway)`)
    return
  }
  fs.rmSync(recordFile, { force: true })
  await build()
  fs.mkdirSync(path.dirname(recordFile), { recursive: true })
  fs.writeFileSync(recordFile, `${JSON.stringify({ digest, built_at: new Date().toISOString() })}\n`)
}
