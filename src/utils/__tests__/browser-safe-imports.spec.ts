import { existsSync, readFileSync, readdirSync, statSync } from "fs"
import { builtinModules } from "module"
import { dirname, join, relative, resolve } from "path"

/**
 * The admin bundle and `src/utils/shared/` run in the browser: nothing they
 * import, directly or through other files of this repository, may be a
 * server-only module. Type-only imports are erased by the build, so they
 * are allowed.
 */
const ROOT = resolve(__dirname, "../../..")
const BROWSER_SAFE = ["src/utils/shared", "src/admin"]

const SERVER_ONLY = [
  ...builtinModules,
  "@medusajs/framework",
  "@medusajs/medusa",
  "@medusajs/utils",
  "@medusajs/modules-sdk",
  "@medusajs/workflows-sdk",
  "@medusajs/test-utils",
  "@mikro-orm",
  "@react-email/render",
  "knex",
  "pg",
  "bullmq",
  "ioredis",
  "nodemailer",
  "smtp-server",
  "imapflow",
  "mailparser",
  "mailauth",
  "busboy",
  "file-type",
  "rate-limiter-flexible",
]

const isServerOnly = (specifier: string) => {
  const name = specifier.replace(/^node:/, "")
  return specifier.startsWith("node:") || SERVER_ONLY.some((server) => name === server || name.startsWith(`${server}/`))
}

/** What a file imports at run time: `import … from`, `export … from`, bare and dynamic `import`, `require`. */
function runtimeImports(source: string): string[] {
  const found: string[] = []
  // the clause between keyword and `from` never runs into the next statement
  const statement = /(?:^|\n)\s*(import|export)\s+(type\s+)?(?:(?!\n\s*(?:import|export)\b)[^;"'])*?from\s*["']([^"']+)["']/g
  for (const match of source.matchAll(statement)) {
    if (!match[2]) {
      found.push(match[3])
    }
  }
  for (const match of source.matchAll(/(?:^|\n)\s*import\s*["']([^"']+)["']|\b(?:import|require)\(\s*["']([^"']+)["']\s*\)/g)) {
    found.push(match[1] ?? match[2])
  }
  return found
}

function resolveRelative(from: string, specifier: string): string | null {
  const base = resolve(dirname(from), specifier.replace(/\.js$/, ""))
  const candidates = [base, `${base}.ts`, `${base}.tsx`, join(base, "index.ts"), join(base, "index.tsx")]
  return candidates.find((file) => existsSync(file) && statSync(file).isFile()) ?? null
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) {
      return name === "__tests__" ? [] : sourceFiles(path)
    }
    return /\.tsx?$/.test(name) && !name.endsWith(".d.ts") ? [path] : []
  })
}

/** Every server-only import reachable from `roots`, as `file → import` (with the chain that reached it). */
function serverImportsReachableFrom(roots: string[]): string[] {
  const seen = new Set<string>()
  const problems: string[] = []
  const queue = roots.map((file) => ({ file, via: [relative(ROOT, file)] }))
  while (queue.length) {
    const { file, via } = queue.shift()!
    if (seen.has(file)) {
      continue
    }
    seen.add(file)
    for (const specifier of runtimeImports(readFileSync(file, "utf8"))) {
      if (specifier.startsWith(".")) {
        const next = resolveRelative(file, specifier)
        if (next) {
          queue.push({ file: next, via: [...via, relative(ROOT, next)] })
        }
      } else if (isServerOnly(specifier)) {
        problems.push(`${via.join(" → ")} imports ${specifier}`)
      }
    }
  }
  return problems
}

describe("browser-safe code", () => {
  const roots = BROWSER_SAFE.flatMap((dir) => sourceFiles(join(ROOT, dir)))

  it("finds the files it checks", () => {
    expect(roots.some((file) => file.includes("src/utils/shared/"))).toBe(true)
    expect(roots.some((file) => file.includes("src/admin/"))).toBe(true)
  })

  it("reaches no server-only module from the admin or src/utils/shared", () => {
    expect(serverImportsReachableFrom(roots)).toEqual([])
  })

  it("notices a server import (the check itself works)", () => {
    expect(runtimeImports(`import { MedusaError } from "@medusajs/framework/utils"`).filter(isServerOnly)).toEqual([
      "@medusajs/framework/utils",
    ])
    expect(runtimeImports(`import { createHash } from "node:crypto"`).filter(isServerOnly)).toEqual(["node:crypto"])
    expect(runtimeImports(`import {\n  a,\n  b,\n} from "crypto"`).filter(isServerOnly)).toEqual(["crypto"])
    expect(runtimeImports(`import type { Context } from "@medusajs/framework/types"`)).toEqual([])
    expect(runtimeImports(`const knex = require("knex")`).filter(isServerOnly)).toEqual(["knex"])
    expect(runtimeImports(`export interface A {\n  b: string\n}\nimport type { C } from "knex"`)).toEqual([])
  })
})
