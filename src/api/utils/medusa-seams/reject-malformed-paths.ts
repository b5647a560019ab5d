import type {
  MedusaNextFunction,
  MedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import type { RequestHandler } from "express"
import type { ErrorResponse } from "../../../types/http"
import { isPluginAdminPath } from "../../admin/middlewares"
import { isPluginStorePath } from "../../store/affiliates/paths"
import { frontMedusaMiddleware } from "./front-medusa-middleware"

const isPluginPath = (path: string) => isPluginAdminPath(path) || isPluginStorePath(path)

/** Every segment of the plugin's URLs is a fixed word or a Medusa id. */
const SEGMENT = /^[A-Za-z0-9_-]*$/

/**
 * Steps around Medusa: URLs whose `:id` cannot be decoded.
 *
 * What: on the plugin's paths, before any route's params are decoded: 400
 * for a URL that cannot be decoded, 404 for an id that cannot exist. It
 * runs in front of Medusa's authentication of `/admin` and `/store`
 * (`frontMedusaMiddleware`), because Medusa's own `/admin*` middleware
 * comes before any plugin middleware and fails to decode its wildcard
 * (the plugin's routes skip Medusa's authentication, decisions 0004 and
 * 0040, so nothing would answer before it).
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

/** Medusa's authentication of a prefix, with the plugin's paths checked first. */
export function frontAuthentication(authenticate: RequestHandler): RequestHandler {
  return (req, res, next) =>
    isPluginPath(req.baseUrl + req.path)
      ? rejectMalformedPaths(req as MedusaRequest, res as MedusaResponse<ErrorResponse>, () => authenticate(req, res, next))
      : authenticate(req, res, next)
}

/** Installs the check (see above) when Medusa registers its authentication of /admin and /store. */
export function rejectMalformedPluginPaths(): void {
  frontMedusaMiddleware(
    "reject-malformed-paths",
    (handler, route) => (route.route === "/admin" || route.route === "/store") && handler.name === "authMiddleware",
    frontAuthentication
  )
}
