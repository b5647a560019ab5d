import type {
  MedusaNextFunction,
  MedusaRequest,
  MedusaResponse,
  MiddlewareRoute,
} from "@medusajs/framework/http"
import type { ErrorResponse } from "../../../types/http"

/** Where the plugin's routes live. */
const PLUGIN_PATHS = [
  "/admin/affiliates",
  "/admin/affiliate-groups",
  "/admin/affiliate-broadcasts",
  "/admin/conversations",
  "/admin/messaging",
  "/store/affiliates",
]

/** Every segment of the plugin's URLs is a fixed word or a Medusa id. */
const SEGMENT = /^[A-Za-z0-9_-]*$/

/**
 * Steps around Medusa: URLs whose `:id` cannot be decoded.
 *
 * What: mounted without `:params` on the plugin's paths, this runs before
 * any route's params are decoded: 400 for a URL that cannot be decoded, 404
 * for an id that cannot exist.
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

export const malformedPathMiddlewares: MiddlewareRoute[] = PLUGIN_PATHS.map((matcher) => ({
  matcher,
  middlewares: [rejectMalformedPaths],
}))
