import { MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody } from "../../../utils/medusa-seams/validate-request"
import { AdminUpdateMessagingSettings } from "./validators"

export const adminMessagingSettingsMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/admin/messaging/settings",
    middlewares: [validateBody(AdminUpdateMessagingSettings)],
  },
]
