import { execFileSync } from "child_process"
import fs from "fs"
import os from "os"
import path from "path"
import { gzipSync } from "zlib"
import { PLUGIN_BUILD_LOCK } from "../helpers/pack"

/**
 * The storefront package as a storefront developer gets it: `npm pack`
 * output installed with a plain `npm install` into an empty folder. Its
 * installed tree holds no server library, and every entry point (client,
 * React, types, widget) loads from there through both `require` and `import`.
 */
jest.setTimeout(600_000)

const root = path.resolve(__dirname, "../..")
const packageDir = path.join(root, "packages/storefront")
const NAME = "medusa-plugin-affiliate-messaging-storefront"
const tsc = require.resolve("typescript/bin/tsc")

/** What the server plugin depends on and a storefront must never receive. */
const SERVER_LIBRARIES = [
  "bullmq",
  "ioredis",
  "nodemailer",
  "busboy",
  "file-type",
  "@medusajs/framework",
  "@medusajs/medusa",
  "react-email",
  "@react-email/components",
  "@react-email/render",
  "rate-limiter-flexible",
  "@tanstack/react-query",
  "react-hook-form",
  "zod",
]

const npm = (args: string[], cwd: string) =>
  execFileSync("npm", args, {
    cwd,
    encoding: "utf8",
    env: {
      ...process.env,
      NPM_CONFIG_UPDATE_NOTIFIER: "false",
      NPM_CONFIG_AUDIT: "false",
      NPM_CONFIG_FUND: "false",
      // the machine's npm cache answers; the registry only for what it lacks
      NPM_CONFIG_PREFER_OFFLINE: "true",
    },
    stdio: ["ignore", "pipe", "pipe"],
    maxBuffer: 64 * 1024 * 1024,
  })

/** Every package in a node_modules tree, nested ones included: name → folder. */
function installedPackages(nodeModules: string, found = new Map<string, string>()) {
  if (!fs.existsSync(nodeModules)) return found
  for (const entry of fs.readdirSync(nodeModules)) {
    if (entry.startsWith(".")) continue
    const folders = entry.startsWith("@")
      ? fs.readdirSync(path.join(nodeModules, entry)).map((name) => path.join(nodeModules, entry, name))
      : [path.join(nodeModules, entry)]
    for (const folder of folders) {
      const manifest = path.join(folder, "package.json")
      if (!fs.existsSync(manifest)) continue
      found.set(JSON.parse(fs.readFileSync(manifest, "utf8")).name, folder)
      installedPackages(path.join(folder, "node_modules"), found)
    }
  }
  return found
}

function folderBytes(folder: string): number {
  return fs.readdirSync(folder, { withFileTypes: true }).reduce((total, entry) => {
    const full = path.join(folder, entry.name)
    return total + (entry.isDirectory() ? folderBytes(full) : fs.statSync(full).size)
  }, 0)
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`

describe("the storefront package, packed and installed into an empty folder", () => {
  let work: string
  let store: string
  let tarball: string

  /** Runs a script with plain Node in the store folder, as the store's own code would. */
  const nodeIn = (args: string[]) =>
    execFileSync(process.execPath, args, {
      cwd: store,
      encoding: "utf8",
      env: { ...process.env, NODE_OPTIONS: "" },
    })

  beforeAll(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), "affmsg-storefront-pkg-"))
    store = path.join(work, "store")
    fs.mkdirSync(store)
    // built and packed under the plugin's build lock: `npm run build` elsewhere rebuilds this package too
    const output = execFileSync(
      "flock",
      [
        PLUGIN_BUILD_LOCK,
        "sh",
        "-c",
        `node scripts/build.mjs >&2 && npm pack --ignore-scripts --json --pack-destination "$0"`,
        work,
      ],
      { cwd: packageDir, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 64 * 1024 * 1024 }
    )
    const [{ filename, files }] = JSON.parse(output.slice(output.indexOf("[")))
    tarball = path.join(work, filename)
    // what is published: the build and the manifest, no sources or build scripts
    for (const file of files as { path: string }[]) {
      expect(file.path).toMatch(/^(dist\/(esm|cjs|widget)\/|package\.json$|README\.md$|LICENSE$)/)
    }

    fs.writeFileSync(
      path.join(store, "package.json"),
      JSON.stringify({ name: "empty-storefront", version: "1.0.0", private: true })
    )
    npm(["install", tarball], store)
  })

  afterAll(() => {
    if (work) fs.rmSync(work, { recursive: true, force: true })
  })

  it("installs no server library, and not React unless the store has it", () => {
    const installed = installedPackages(path.join(store, "node_modules"))
    expect(installed.has(NAME)).toBe(true)
    for (const library of SERVER_LIBRARIES) {
      expect({ library, installed: installed.has(library) }).toEqual({ library, installed: false })
    }
    expect([...installed.keys()].filter((name) => name.startsWith("@medusajs/"))).toEqual([])
    // React is an optional peer: client-only and widget users do not get it
    expect(installed.has("react")).toBe(false)
    expect(installed.has("react-dom")).toBe(false)

    const tarballBytes = fs.statSync(tarball).size
    const installedBytes = folderBytes(path.join(store, "node_modules"))
    const widgetBytes = fs.readFileSync(path.join(installed.get(NAME)!, "dist/widget/affiliate-messages.js"))
    console.log(
      [
        `storefront package: tarball ${kb(tarballBytes)}`,
        `installed ${kb(installedBytes)} in ${installed.size} packages (${[...installed.keys()].sort().join(", ")})`,
        `widget ${kb(widgetBytes.length)} (${kb(gzipSync(widgetBytes).length)} gzipped)`,
      ].join("; ")
    )
    // a storefront dependency stays small: the server plugin's tree is hundreds of megabytes
    expect(installedBytes).toBeLessThan(5 * 1024 * 1024)
  })

  it("loads the client through require and import, from the installed copy", () => {
    const probe = `
      const names = ["createAffiliateMessagingClient", "AffiliateMessagingError", "splitLinks", "formatFileSize", "checkAttachmentFile"]
      const report = (m, file) => console.log(JSON.stringify({ file, types: names.map((n) => typeof m[n]),
        links: m.splitLinks("see https://shop.test/a?b=1 now"), size: m.formatFileSize(1536),
        refused: m.checkAttachmentFile({ name: "tool.exe", size: 10 }) !== null, limit: m.MAX_ATTACHMENTS_PER_MESSAGE }))
    `
    const required = JSON.parse(
      nodeIn(["-e", `${probe}; report(require("${NAME}"), require.resolve("${NAME}"))`])
    )
    const imported = JSON.parse(
      nodeIn([
        "--input-type=module",
        "-e",
        `${probe}; report(await import("${NAME}"), import.meta.resolve("${NAME}"))`,
      ])
    )
    expect(required.file).toContain(`node_modules/${NAME}/dist/cjs/index.js`)
    expect(imported.file).toContain(`node_modules/${NAME}/dist/esm/index.js`)
    for (const loaded of [required, imported]) {
      expect(loaded.types).toEqual(["function", "function", "function", "function", "function"])
      expect(loaded.links).toEqual(["see ", { href: "https://shop.test/a?b=1", label: "https://shop.test/a?b=1" }, " now"])
      expect(loaded.size).toBe("1.5 KB")
      expect(loaded.refused).toBe(true)
      expect(loaded.limit).toBe(10)
    }
  })

  it("gives storefront servers the proxy and login helpers through require and import", () => {
    const probe = `console.log([typeof m.affiliateMessagingProxy, typeof m.affiliateLogin, m.DEFAULT_TOKEN_COOKIE].join(" "))`
    expect(nodeIn(["-e", `const m = require("${NAME}/server"); ${probe}`]).trim()).toBe("function function affiliate_token")
    expect(
      nodeIn(["--input-type=module", "-e", `const m = await import("${NAME}/server"); ${probe}`]).trim()
    ).toBe("function function affiliate_token")
  })

  it("gives the widget script and its element types by package name", () => {
    const file = nodeIn(["-p", `require.resolve("${NAME}/widget")`]).trim()
    expect(file).toBe(path.join(fs.realpathSync(store), "node_modules", NAME, "dist/widget/affiliate-messages.js"))
    const script = fs.readFileSync(file, "utf8")
    // self-contained: React bundled in, nothing left to import
    expect(script).toContain('customElements.define("affiliate-messages"')
    expect(script).not.toMatch(/\brequire\(|^import /m)
    expect(fs.readFileSync(file.replace(/\.js$/, ".d.ts"), "utf8")).toContain('"affiliate-messages-badge": HTMLElement')
  })

  it("loads the React entry once the store has React, and type-checks a storefront's use of it", () => {
    npm(["install", "react@^18.3.1", "@types/react@^18.3.2"], store)
    const exports = ["AffiliateMessages", "MessagesBadge", "AffiliateMessagingProvider", "useThread"]
    const probe = (m: string) => `console.log(JSON.stringify(${JSON.stringify(exports)}.map((n) => typeof ${m}[n])))`
    expect(JSON.parse(nodeIn(["-e", probe(`require("${NAME}/react")`)]))).toEqual(exports.map(() => "function"))
    expect(
      JSON.parse(nodeIn(["--input-type=module", "-e", `const m = await import("${NAME}/react"); ${probe("m")}`]))
    ).toEqual(exports.map(() => "function"))

    // a Next.js-like project: bundler resolution, strict, the package's own declarations (no skipLibCheck)
    fs.writeFileSync(
      path.join(store, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          target: "ES2022",
          lib: ["ES2022", "DOM"],
          module: "ESNext",
          moduleResolution: "bundler",
          jsx: "react-jsx",
          strict: true,
          noEmit: true,
          types: [],
        },
        include: ["page.tsx"],
      })
    )
    fs.writeFileSync(
      path.join(store, "page.tsx"),
      `import { createAffiliateMessagingClient, type StoreConversation, type StoreMessage } from "${NAME}"
import { AffiliateMessages, MessagesBadge } from "${NAME}/react"
import "${NAME}/widget"

const client = createAffiliateMessagingClient({ baseUrl: "https://api.shop.test", publishableKey: "pk_test" })
export const titles = (conversations: StoreConversation[]) => conversations.map((c) => c.affiliate.name)
export const owner = (message: StoreMessage) => message.author.id === null
export const element: HTMLElement | null = document.querySelector("affiliate-messages")
export const Page = () => (
  <>
    <MessagesBadge client={client} />
    <AffiliateMessages client={client} />
  </>
)
`
    )
    /** tsc's diagnostics (on stdout), empty when the project type-checks. */
    const diagnostics = () => {
      try {
        execFileSync(process.execPath, [tsc, "-p", store], { cwd: store, encoding: "utf8", stdio: "pipe" })
        return ""
      } catch (error) {
        return String((error as { stdout?: string }).stdout) || String(error)
      }
    }
    expect(diagnostics()).toBe("")

    // and it can fail: a misuse of the package's types is refused
    fs.appendFileSync(path.join(store, "page.tsx"), `export const wrong: number = titles([])\n`)
    expect(diagnostics()).toMatch(/Type 'string\[\]' is not assignable to type 'number'/)
  })
})
