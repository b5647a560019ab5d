/** Where the plugin's store routes live; the admin ones are ADMIN_ROUTE_PREFIXES (../../admin/middlewares.ts). */
export const STORE_ROUTE_PREFIX = "/store/affiliates"

/** Whether a path (`/store/...`) is one of the plugin's store routes. */
export const isPluginStorePath = (path: string) =>
  path === STORE_ROUTE_PREFIX || path.startsWith(`${STORE_ROUTE_PREFIX}/`)
