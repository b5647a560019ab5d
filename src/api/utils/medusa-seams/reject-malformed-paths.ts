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
  "/admin/conversations",
  "/admin/messaging",
  "/store/affiliates",
]

/** Every segment of the plugin's URLs is a fixed word or a Medusa id. */
const SEGMENT = /^[A-Za-z0-9_-]*$/

/**
 * Express answers an `:id` it cannot percent-decode with an error that
 * Medusa's handler turns into a 500, and a NUL byte in an id reaches
 * Postgres, which refuses it (another 500). Mounted without `:params`, this
 * runs before any route's params are decoded: 400 for a URL that cannot be
 * decoded, 404 for an id that cannot exist.
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
