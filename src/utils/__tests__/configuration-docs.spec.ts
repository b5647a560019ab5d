import { readFileSync } from "fs"
import { join } from "path"
import ts from "typescript"

/**
 * docs/configuration.md against src/types/options.ts: every option the type
 * declares has its row in the docs' tables (nested ones in their parent's
 * row), and every row names an option that exists. Adding, renaming or
 * removing an option without its docs fails here.
 */
const ROOT = join(__dirname, "../../..")
const OPTIONS_FILE = join(ROOT, "src/types/options.ts")
const DOCS_FILE = join(ROOT, "docs/configuration.md")

/** The property names of each object type alias in options.ts. */
function optionKeysByType(): Record<string, string[]> {
  const source = ts.createSourceFile(OPTIONS_FILE, readFileSync(OPTIONS_FILE, "utf8"), ts.ScriptTarget.Latest, true)
  const keys: Record<string, string[]> = {}
  source.forEachChild((node) => {
    if (ts.isTypeAliasDeclaration(node) && ts.isTypeLiteralNode(node.type)) {
      keys[node.name.text] = node.type.members
        .filter(ts.isPropertySignature)
        .map((member) => (member.name as ts.Identifier).text)
    }
  })
  return keys
}

/** Each option row of the docs' tables: the names in its first cell, and the whole row. */
function documentedRows(): { names: string[]; row: string }[] {
  return readFileSync(DOCS_FILE, "utf8")
    .split("\n")
    .filter((line) => /^\| `/.test(line))
    .map((row) => ({ names: [...row.split("|")[1].matchAll(/`([^`]+)`/g)].map((m) => m[1]), row }))
}

describe("docs/configuration.md", () => {
  const types = optionKeysByType()
  const rows = documentedRows()
  const rowOf = (name: string) => rows.find((r) => r.names.includes(name))
  /** Options whose fields are documented inside their own row (defaults and prose). */
  const NESTED: Record<string, string> = {
    rateLimits: "RateLimitOptions",
    uploadQuotas: "UploadQuotaOptions",
    liveUpdates: "LiveUpdateOptions",
  }

  it("reads the option types", () => {
    expect(types.AffiliateMessagingPluginOptions).toEqual(expect.arrayContaining(["adminUrl", "inboundEmail", "liveUpdates"]))
    expect(types.InboundEmailOptions).toEqual(expect.arrayContaining(["replyTo", "secret"]))
    expect(rows.length).toBeGreaterThan(20)
  })

  it("has a row for every option, and names every field of a nested one in its row", () => {
    const missing: string[] = []
    for (const key of types.AffiliateMessagingPluginOptions) {
      if (key === "inboundEmail") {
        continue // its fields have rows of their own, under "Reply by email"
      }
      const row = rowOf(key)
      if (!row) {
        missing.push(key)
        continue
      }
      for (const field of types[NESTED[key]] ?? []) {
        if (!new RegExp(`\\b${field}\\b`).test(row.row) && !rowOf(`${key}.${field}`)) {
          missing.push(`${key}.${field}`)
        }
      }
    }
    missing.push(...types.InboundEmailOptions.filter((key) => !rowOf(key)).map((key) => `inboundEmail.${key}`))
    expect(missing).toEqual([])
  })

  it("documents no option the plugin does not have", () => {
    const known = new Set([
      ...types.AffiliateMessagingPluginOptions,
      ...types.InboundEmailOptions,
      ...Object.entries(NESTED).flatMap(([parent, type]) => types[type].map((field) => `${parent}.${field}`)),
    ])
    expect(rows.flatMap((r) => r.names).filter((name) => !known.has(name))).toEqual([])
  })
})
