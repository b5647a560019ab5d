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

/** Mounted without a method on every path: Medusa registers it before any route. */
export const requestsInFlightMiddlewares: MiddlewareRoute[] = [
  { matcher: "*", middlewares: [countRequestsInFlight] },
]
