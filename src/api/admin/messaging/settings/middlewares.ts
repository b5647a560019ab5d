import { MiddlewareRoute, validateAndTransformBody } from "@medusajs/framework/http"
import { AdminUpdateMessagingSettings } from "./validators"

export const adminMessagingSettingsMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/admin/messaging/settings",
    middlewares: [validateAndTransformBody(AdminUpdateMessagingSettings)],
  },
]
