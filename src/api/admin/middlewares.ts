import { MiddlewareRoute } from "@medusajs/framework/http"
import { authenticateWithTokenCache } from "../utils/medusa-seams/authenticate-with-token-cache"

/** Every plugin admin route's prefix; each route under them exports AUTHENTICATE = false (./authenticates-itself.ts). */
export const ADMIN_ROUTE_PREFIXES = [
  "/admin/affiliates",
  "/admin/affiliate-groups",
  "/admin/affiliate-broadcasts",
  "/admin/conversations",
  "/admin/messaging",
] as const

/** Whether a path (`/admin/...`) is one of the plugin's admin routes. */
export const isPluginAdminPath = (path: string) =>
  ADMIN_ROUTE_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`))

/** Medusa's own admin authentication, with accepted bearer tokens remembered (one middleware for all prefixes). */
const authenticateAdmin = authenticateWithTokenCache("user", ["bearer", "session", "api-key"])

export const adminAuthenticationMiddlewares: MiddlewareRoute[] = ADMIN_ROUTE_PREFIXES.map((prefix) => ({
  matcher: `${prefix}*`,
  middlewares: [authenticateAdmin],
}))
