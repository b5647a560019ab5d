import fs from "fs"
import path from "path"

export type HttpMethod = "GET" | "POST" | "DELETE" | "PUT" | "PATCH"

/** `METHOD /path/:id`, as a route file declares it. */
export type RouteKey = `${HttpMethod} /${string}`

export const API_ROOT = path.join(__dirname, "../../src/api")
const HANDLER_EXPORT = /export\s+(?:const|async\s+function|function)\s+(GET|POST|DELETE|PUT|PATCH)\b/g

/** Every route.ts under `dir`. */
export function routeFiles(dir: string = API_ROOT): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) {
      return routeFiles(full)
    }
    return entry.name === "route.ts" ? [full] : []
  })
}

/**
 * Every route the plugin serves, read from the source tree the way Medusa's
 * file router reads it: the folder is the path (`[id]` → `:id`), each
 * exported GET/POST/DELETE is a method. A new route file shows up here
 * without anyone updating a list.
 */
export function routeTable(): RouteKey[] {
  const keys = routeFiles(API_ROOT).flatMap((file) => {
    const folder = path.relative(API_ROOT, path.dirname(file)).split(path.sep)
    const urlPath = "/" + folder.map((segment) => segment.replace(/^\[(.+)\]$/, ":$1")).join("/")
    const source = fs.readFileSync(file, "utf8")
    return [...source.matchAll(HANDLER_EXPORT)].map(([, method]) => `${method} ${urlPath}` as RouteKey)
  })
  return [...new Set(keys)].sort()
}

export const isWrite = (key: RouteKey) => !key.startsWith("GET ")

/** Routes missing from a table keyed by route, and entries naming no route. */
export function coverageGaps(routes: RouteKey[], covered: string[]) {
  return {
    missing: routes.filter((route) => !covered.includes(route)),
    unknown: covered.filter((entry) => !routes.includes(entry as RouteKey)),
  }
}

/** The concrete URL of a route key, its `:params` filled in. */
export function routeUrl(key: RouteKey, params: Record<string, string> = {}) {
  return key
    .slice(key.indexOf(" ") + 1)
    .replace(/:([a-z_]+)/g, (_, name: string) => encodeURIComponent(params[name] ?? `missing-${name}`))
}

export const routeMethod = (key: RouteKey) => key.slice(0, key.indexOf(" ")) as HttpMethod
