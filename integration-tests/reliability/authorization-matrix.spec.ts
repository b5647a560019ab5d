import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import path from "path"
import { countRows, pluginTables } from "../helpers/db"
import { httpClient, HttpClient } from "../helpers/http-client"
import {
  AUTHORIZATION_POLICY,
  CALLER_LABELS,
  CALLERS,
  Caller,
  callerHeaders,
  visibleTo,
} from "./authorization-policy"
import { callRoute, refusalProblems, RouteRequest } from "./call-route"
import { inBatches } from "./in-batches"
import { API_ROOT, coverageGaps, RouteKey, routeFiles, routeTable } from "./route-table"
import { isPluginAdminPath } from "../../src/api/admin/middlewares"
import { seedWorld, SecretOwner, World } from "./world"

jest.setTimeout(240_000)

/** A Medusa admin user id: affiliates must never receive one, whatever the route or the caller. */
const ADMIN_USER_ID = /user_[0-9A-Z]{26}/g

type Check = { route: RouteKey; caller: Caller; status: number; probe: (world: World, http: HttpClient) => Promise<RouteRequest> }

/** Every (route, caller) cell of the policy, plus its extra probes. */
function checks(routes: RouteKey[]): Check[] {
  return routes.flatMap((route) => {
    const policy = AUTHORIZATION_POLICY[route]
    const cells = CALLERS.map((caller) => ({
      route,
      caller,
      status: policy.expect[caller],
      probe: async (world: World, http: HttpClient) =>
        policy.probe({ world, http, caller, allowed: policy.expect[caller] < 400 }),
    }))
    const extra = (policy.extra ?? []).map((more) => ({
      route,
      caller: more.caller,
      status: more.status,
      probe: async (world: World, http: HttpClient) =>
        more.probe({ world, http, caller: more.caller, allowed: more.status < 400 }),
    }))
    return [...cells, ...extra]
  })
}

/** Strings of the seed this caller must not receive; what it sent itself does not count. */
function forbiddenFor(world: World, route: RouteKey, caller: Caller, sent: string): string[] {
  const visible = visibleTo(caller, route)
  if (visible === "all") {
    return []
  }
  return (Object.keys(world.secrets) as SecretOwner[])
    .filter((owner) => !visible.includes(owner))
    .flatMap((owner) => world.secrets[owner])
    .filter((secret) => !sent.includes(secret))
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    let http: HttpClient
    let world: World
    const routes = routeTable()
    const checked = { refused: 0, allowed: 0, tables: 0, storeAnswers: 0 }

    // seeded once: the runner snapshots the database after this and restores it before each test
    beforeAll(async () => {
      http = httpClient(api)
      world = await seedWorld(http, getContainer(), api.defaults.baseURL!)
    })

    async function run(check: Check): Promise<string[]> {
      const probe = await check.probe(world, http)
      const store = check.route.includes(" /store/")
      const answer = await callRoute(http, api.defaults.baseURL!, check.route, {
        ...probe,
        headers: probe.headers ?? callerHeaders(world, check.caller, store),
      })
      const where = `${check.route} as ${CALLER_LABELS[check.caller]} (${answer.url})`
      const problems: string[] = []
      if (answer.status !== check.status) {
        problems.push(`answered ${answer.status}, expected ${check.status}: ${answer.text.slice(0, 300)}`)
      }
      if (check.status >= 400) {
        problems.push(...refusalProblems(answer))
      }
      if (store) {
        checked.storeAnswers++
        const userIds = answer.text.match(ADMIN_USER_ID)
        if (userIds) {
          problems.push(`showed admin user ids ${[...new Set(userIds)].join(", ")} on a store route`)
        }
      }
      const sent = `${answer.url} ${JSON.stringify(probe.body ?? "")}`
      for (const secret of forbiddenFor(world, check.route, check.caller, sent)) {
        if (answer.text.includes(secret)) {
          problems.push(`leaked ${secret}`)
        }
      }
      return problems.map((problem) => `${where}: ${problem}`)
    }

    it("has one policy entry per route of the source tree, and no entry without a route", () => {
      expect(routes.length).toBeGreaterThan(30)
      expect(coverageGaps(routes, Object.keys(AUTHORIZATION_POLICY))).toEqual({ missing: [], unknown: [] })
    })

    it("lets every admin and store route, which authenticate through the plugin's middleware, skip Medusa's pass over the prefix; the hooks keep theirs", () => {
      // Medusa reads a route file's AUTHENTICATE export (false = skip its
      // authentication of the prefix); the matrix below proves the routes
      // still refuse whom they must, and every admin route lies under a
      // prefix the plugin's admin authentication covers
      const skipsMedusaAuth = routeFiles().map((file) => {
        const exported = require(file) as { AUTHENTICATE?: unknown }
        return [path.relative(API_ROOT, file), "AUTHENTICATE" in exported && !exported.AUTHENTICATE] as const
      })
      expect(skipsMedusaAuth.length).toBeGreaterThan(30)
      const authenticatesItself = (file: string) => file.startsWith("store/") || file.startsWith("admin/")
      expect(skipsMedusaAuth.filter(([file, skips]) => skips !== authenticatesItself(file))).toEqual([])
      const adminRoutes = skipsMedusaAuth.map(([file]) => `/${path.dirname(file)}`).filter((route) => route.startsWith("/admin/"))
      const uncovered = adminRoutes.filter((route) => !isPluginAdminPath(route))
      expect(uncovered).toEqual([])
    })

    it("refuses every caller the contract refuses, with the exact status, writing nothing and leaking nothing", async () => {
      const refusals = checks(routes).filter((check) => check.status >= 400)
      const tables = await pluginTables(dbConnection)
      const before = await countRows(dbConnection, tables)
      const problems = (await inBatches(refusals, 6, run)).flat()
      expect(problems).toEqual([])
      expect(await countRows(dbConnection, tables)).toEqual(before)
      checked.refused = refusals.length
      checked.tables = tables.length
    })

    it("lets the callers the contract allows through, showing each only its own data", async () => {
      const allowed = checks(routes).filter((check) => check.status < 400)
      const problems = (await inBatches(allowed, 4, run)).flat()
      expect(problems).toEqual([])
      checked.allowed = allowed.length
    })

    afterAll(() => {
      const cells = routes.length * CALLERS.length
      const probes = checks(routes).length
      if (checked.refused + checked.allowed === probes) {
        console.log(
          `[reliability] authorization matrix: ${routes.length} routes × ${CALLERS.length} callers = ${cells} cells checked ` +
            `(${probes} requests with ${probes - cells} foreign-cursor probes: ${checked.refused} refused with nothing written ` +
            `in ${checked.tables} plugin tables, ${checked.allowed} allowed; no foreign data in any answer, ` +
            `no admin user id in any of the ${checked.storeAnswers} store answers)`
        )
      }
    })
  },
})
