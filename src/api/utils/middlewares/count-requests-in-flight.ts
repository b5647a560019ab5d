import type { MedusaNextFunction, MedusaRequest, MedusaResponse, MiddlewareRoute } from "@medusajs/framework/http"
import { requestsInFlight } from "../../../utils/requests-in-flight"

/**
 * Counts every request the process answers, Medusa's own routes included,
 * for the delivery queue, whose jobs wait for a moment with none before
 * they start (`deliveryYieldMs`, decision 0038).
 */
function countRequestsInFlight(_req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  requestsInFlight.track(res)
  next()
}

/**
 * Mounted without a method on "/", which Express matches as a prefix of
 * every path: Medusa registers it before any route. Not "*": Express
 * makes a wildcard a route parameter and percent-decodes it, and a path it
 * cannot decode becomes a 500 before the plugin's malformed-path check
 * (reject-malformed-paths.ts) runs (the reliability hostile-input suite
 * caught it).
 */
export const requestsInFlightMiddlewares: MiddlewareRoute[] = [
  { matcher: "/", middlewares: [countRequestsInFlight] },
]
