import type {
  MedusaNextFunction,
  MedusaRequest,
  MedusaResponse,
  MiddlewareRoute,
} from "@medusajs/framework/http"
import type { RequestHandler } from "express"
import type { ErrorResponse } from "../../../types/http"
import { isPluginAdminPath } from "../../admin/middlewares"
import { frontMedusaMiddleware } from "./front-medusa-middleware"

/** Where the plugin's store routes live; the admin ones are ADMIN_ROUTE_PREFIXES. */
const STORE_PATHS = ["/store/affiliates"]

/** Every segment of the plugin's URLs is a fixed word or a Medusa id. */
const SEGMENT = /^[A-Za-z0-9_-]*$/

/**
 * Steps around Medusa: URLs whose `:id` cannot be decoded.
 *
 * What: on the plugin's paths, before any route's params are decoded: 400
 * for a URL that cannot be decoded, 404 for an id that cannot exist. On
 * the store paths a middleware mounted without `:params`; on the admin
 * paths in front of Medusa's authentication of `/admin`
 * (`frontMedusaMiddleware`), because Medusa's own `/admin*` middleware
 * comes before any plugin middleware and fails to decode its wildcard
 * (the plugin's admin routes skip Medusa's authentication, decision 0040,
 * so nothing would answer before it).
 * Why: Express answers an `:id` it cannot percent-decode with an error
 * (status 400, but no http-errors `expose`) that Medusa's handler turns
 * into a 500 "unknown error" (2.19 to 2.21.2). The 404 half is the plugin's
 * own input rule: a NUL byte in an id would reach Postgres, which refuses
 * it (another 500).
 * Guard: reject-malformed-paths.spec.ts fails when Medusa's handler answers
 * the decode error as a 4xx.
 * Remove when: that guard fails; keep the 404 half.
 */
async function rejectMalformedPaths(
  req: MedusaRequest,
  res: MedusaResponse<ErrorResponse>,
  next: MedusaNextFunction
) {
  for (const segment of req.path.split("/")) {
    let decoded: string
    try {
      decoded = decodeURIComponent(segment)
    } catch {
      res.status(400).json({ type: "invalid_data", message: "Malformed URL: a path segment is not valid percent-encoded UTF-8" })
      return
    }
    if (!SEGMENT.test(decoded)) {
      res.status(404).json({ type: "not_found", message: "Not found: the URL names no valid id" })
      return
    }
  }
  next()
}

export const malformedPathMiddlewares: MiddlewareRoute[] = STORE_PATHS.map((matcher) => ({
  matcher,
  middlewares: [rejectMalformedPaths],
}))

/** Medusa's authentication of `/admin`, with the plugin's paths checked first. */
export function frontAdminAuthentication(authenticate: RequestHandler): RequestHandler {
  return (req, res, next) =>
    isPluginAdminPath(req.baseUrl + req.path)
      ? rejectMalformedPaths(req as MedusaRequest, res as MedusaResponse<ErrorResponse>, () => authenticate(req, res, next))
      : authenticate(req, res, next)
}

/** Installs the admin half (see above); the store half is `malformedPathMiddlewares`. */
export function rejectMalformedAdminPaths(): void {
  frontMedusaMiddleware(
    "reject-malformed-admin-paths",
    (handler, route) => route.route === "/admin" && handler.name === "authMiddleware",
    frontAdminAuthentication
  )
}
