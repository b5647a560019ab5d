import type { MiddlewareRoute } from "@medusajs/framework/http"
import { EmptyBody } from "../../../utils/validators/common"
import { validateBody, validateQuery } from "../../../utils/medusa-seams/validate-request"
import { listInboundEmailsQueryConfig } from "./query-config"
import { AdminGetInboundEmailsParams } from "./validators"

export const adminInboundEmailMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/messaging/inbound-emails",
    middlewares: [validateQuery(AdminGetInboundEmailsParams, listInboundEmailsQueryConfig)],
  },
  {
    method: ["POST"],
    matcher: "/admin/messaging/inbound-emails/:id/retry",
    middlewares: [validateBody(EmptyBody)],
  },
]
