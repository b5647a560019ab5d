import { MiddlewareRoute } from "@medusajs/framework/http"
import { rateLimitSends } from "../../utils/middlewares/rate-limit"
import { validateBody, validateQuery } from "../../utils/medusa-seams/validate-request"
import { EmptyBody } from "../../utils/validators/common"
import { listBroadcastRecipientsQueryConfig, listBroadcastsQueryConfig } from "./query-config"
import {
  AdminCreateBroadcast,
  AdminGetBroadcastRecipientsParams,
  AdminGetBroadcastsParams,
  AdminPreviewBroadcast,
} from "./validators"

/** An audience may hand-pick a program's worth of affiliates (ids, not only the 10,000-character body). */
const AUDIENCE_BODY_SIZE_LIMIT = "1mb"

export const adminBroadcastMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/admin/affiliate-broadcasts/preview",
    bodyParser: { sizeLimit: AUDIENCE_BODY_SIZE_LIMIT },
    middlewares: [validateBody(AdminPreviewBroadcast)],
  },
  {
    method: ["GET"],
    matcher: "/admin/affiliate-broadcasts",
    middlewares: [validateQuery(AdminGetBroadcastsParams, listBroadcastsQueryConfig)],
  },
  {
    // a broadcast is one send against the admin's rate limit, however many it reaches
    method: ["POST"],
    matcher: "/admin/affiliate-broadcasts",
    bodyParser: { sizeLimit: AUDIENCE_BODY_SIZE_LIMIT },
    middlewares: [rateLimitSends("owner"), validateBody(AdminCreateBroadcast)],
  },
  {
    method: ["GET"],
    matcher: "/admin/affiliate-broadcasts/:id/recipients",
    middlewares: [validateQuery(AdminGetBroadcastRecipientsParams, listBroadcastRecipientsQueryConfig)],
  },
  {
    method: ["POST"],
    matcher: "/admin/affiliate-broadcasts/:id/cancel",
    middlewares: [validateBody(EmptyBody)],
  },
]
