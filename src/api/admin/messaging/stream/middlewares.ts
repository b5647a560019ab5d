import { MiddlewareRoute } from "@medusajs/framework/http"
import { AdminStreamParams, validateStreamQuery } from "../../../utils/live/stream-query"

export const adminMessagingStreamMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/messaging/stream",
    middlewares: [validateStreamQuery(AdminStreamParams)],
  },
]
