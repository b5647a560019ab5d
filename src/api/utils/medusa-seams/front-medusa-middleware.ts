import { ApiLoader } from "@medusajs/framework/http"
import type { RequestHandler } from "express"

type Traced = NonNullable<typeof ApiLoader.traceMiddleware>
type Handler = Parameters<Traced>[0]
type TracedRoute = Parameters<Traced>[1]

/**
 * Puts a plugin's handler in front of a middleware Medusa registers itself
 * (its publishable key check, its authentication of a prefix), which run
 * before any middleware a plugin defines. Through `ApiLoader.traceMiddleware`,
 * the hook Medusa gives instrumentation to wrap the middlewares it
 * registers: every other middleware passes through unchanged (or to the
 * tracer a store installed before: a store's `instrumentation.ts` loads
 * before the app, and its tracer is kept). Installed once per `name`, when
 * the plugin's `src/api/middlewares.ts` is imported, which Medusa does
 * before it registers its own middlewares. Used by the seams of this
 * folder; each names its guard.
 *
 * @example
 * frontMedusaMiddleware("my-seam", (handler, route) => route.route === "/store" && handler.name === "ensurePublishableApiKeyMiddleware", (check) => check)
 */
export function frontMedusaMiddleware(
  name: string,
  matches: (handler: Handler, route: TracedRoute) => boolean,
  front: (medusaMiddleware: RequestHandler) => RequestHandler
): void {
  const installed = Symbol.for(`medusa-plugin-affiliate-messaging.${name}`)
  const loader = ApiLoader as typeof ApiLoader & { [key: symbol]: boolean | undefined }
  if (loader[installed]) {
    return
  }
  loader[installed] = true
  const previous = ApiLoader.traceMiddleware
  ApiLoader.traceMiddleware = (handler, route) => {
    const wrapped = matches(handler, route) ? (front(handler as RequestHandler) as Handler) : handler
    return previous ? previous(wrapped, route) : wrapped
  }
}
