import type { MedusaRequest } from "@medusajs/framework/http"
import { PUBLISHABLE_KEY_HEADER } from "@medusajs/framework/utils"
import type { RequestHandler } from "express"
import { frontMedusaMiddleware } from "./front-medusa-middleware"

/** Paths whose clients (`EventSource`) cannot send headers. */
const QUERY_KEY_PATHS = new Set(["/store/affiliates/me/stream"])

/**
 * Steps around Medusa: the publishable key check on `/store`, for the
 * member's event stream.
 *
 * What: for `GET /store/affiliates/me/stream` only, a `publishable_key`
 * query parameter stands in for a missing `x-publishable-api-key` header
 * before Medusa's `ensurePublishableApiKeyMiddleware` runs (the key is then
 * checked by Medusa as usual; a wrong one is refused).
 * Why: browsers' `EventSource` sends no custom headers, and Medusa checks
 * the key for every `/store` route before any plugin middleware runs.
 * How: `frontMedusaMiddleware` puts this shim in front of Medusa's
 * publishable key check.
 * Guard: the HTTP spec live-updates.spec.ts opens the stream with
 * `?publishable_key=` and no headers, and is refused with a wrong key.
 * Remove when: Medusa accepts the key in a query parameter, or lets a route
 * opt out of the check.
 */
export function acceptPublishableKeyInQuery(): void {
  frontMedusaMiddleware(
    "publishable-key-from-query",
    (handler, route) => route.route === "/store" && handler.name === "ensurePublishableApiKeyMiddleware",
    withKeyFromQuery
  )
}

function withKeyFromQuery(check: RequestHandler): RequestHandler {
  return (req, res, next) => {
    const key = (req as MedusaRequest).query?.publishable_key
    if (
      req.method === "GET" &&
      typeof key === "string" &&
      !req.headers[PUBLISHABLE_KEY_HEADER] &&
      QUERY_KEY_PATHS.has(`/store${req.path}`)
    ) {
      req.headers[PUBLISHABLE_KEY_HEADER] = key
    }
    return check(req, res, next)
  }
}
