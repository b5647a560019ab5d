import type { MedusaRequest, MedusaStoreRequest } from "@medusajs/framework/http"
import { FeatureFlag, Modules, PUBLISHABLE_KEY_HEADER } from "@medusajs/framework/utils"
import type { RequestHandler } from "express"
import { publishableKeyMemo } from "../../../utils/publishable-key-memo"
import { isPluginStorePath } from "../../store/affiliates/paths"
import { frontMedusaMiddleware } from "./front-medusa-middleware"

/** Paths whose clients (`EventSource`) cannot send headers. */
const QUERY_KEY_PATHS = new Set(["/store/affiliates/me/stream"])

/**
 * Steps around Medusa: the publishable key check on `/store`, for the
 * plugin's store routes only. Two things, in this order:
 *
 * 1. The key in the query (decision 0026). For `GET /store/affiliates/me/stream`,
 *    a `publishable_key` query parameter stands in for a missing
 *    `x-publishable-api-key` header (Medusa then checks it as usual; a
 *    wrong one is refused). Why: browsers' `EventSource` sends no headers.
 * 2. Medusa's verdict remembered (decision 0044). A key Medusa accepted is
 *    accepted again for `PUBLISHABLE_KEY_MEMO_MS` (5 s) with the same
 *    `publishable_key_context`, without Medusa's `query.graph` of the key
 *    and its sales channels: two statements and most of what a member's
 *    request costs above the admin floor (the affiliate send's p95 was
 *    1.2-1.3× Medusa's customer write, 0.8× at p50 without it). A key
 *    Medusa refused is never remembered. Any API key change Medusa
 *    announces drops every verdict in the process that hears it
 *    (`src/subscribers/api-key-changed.ts`); elsewhere a revoked key keeps
 *    working on these routes for up to 5 s. Stands aside when the store
 *    runs Medusa's Caching Module (`MEDUSA_FF_CACHING`), which caches this
 *    lookup itself with invalidation across processes.
 *
 * How: `frontMedusaMiddleware` puts this in front of Medusa's
 * `ensurePublishableApiKeyMiddleware`; Medusa's own paths pass straight
 * through to it.
 * Guards: `live-updates.spec.ts` (HTTP) opens the stream with
 * `?publishable_key=` and no headers, and is refused with a wrong key;
 * `medusa-answers-reused.spec.ts` (HTTP) fails when Medusa's own check
 * stops reading the key on every request (then 2. goes), and checks the
 * memo's 5 s, its refusals and its revocations in a running store.
 * Remove when: Medusa accepts the key in a query parameter or lets a route
 * opt out of the check (1.); Medusa caches the lookup without a feature
 * flag (2.).
 */
export function frontPublishableKeyCheck(): void {
  frontMedusaMiddleware(
    "publishable-key-check",
    (handler, route) => route.route === "/store" && handler.name === "ensurePublishableApiKeyMiddleware",
    (check) => pluginPublishableKeyCheck(check)
  )
}

/** Medusa's `check` with the two steps above on the plugin's store paths. */
export function pluginPublishableKeyCheck(check: RequestHandler, memo = publishableKeyMemo): RequestHandler {
  return (req, res, next) => {
    const path = req.baseUrl + req.path
    if (!isPluginStorePath(path)) {
      return check(req, res, next)
    }
    takeKeyFromQuery(req as MedusaRequest, path)
    const key = req.headers[PUBLISHABLE_KEY_HEADER]
    if (typeof key !== "string" || medusaCachesKeys(req as MedusaRequest)) {
      return check(req, res, next)
    }
    const remembered = memo.get(key)
    if (remembered) {
      ;(req as MedusaStoreRequest).publishable_key_context = remembered
      return next()
    }
    return check(req, res, (error?: unknown) => {
      const context = (req as Partial<MedusaStoreRequest>).publishable_key_context
      if (!error && context?.key === key) {
        memo.set(key, context)
      }
      next(error)
    })
  }
}

function takeKeyFromQuery(req: MedusaRequest, path: string): void {
  const key = req.query?.publishable_key
  if (req.method === "GET" && typeof key === "string" && !req.headers[PUBLISHABLE_KEY_HEADER] && QUERY_KEY_PATHS.has(path)) {
    req.headers[PUBLISHABLE_KEY_HEADER] = key
  }
}

/** Medusa caches the lookup itself with its Caching Module, behind a feature flag (2.11 to 2.21.2 at least). */
function medusaCachesKeys(req: MedusaRequest): boolean {
  return FeatureFlag.isFeatureEnabled("caching") && !!req.scope.resolve(Modules.CACHING, { allowUnregistered: true })
}
