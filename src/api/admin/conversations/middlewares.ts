import { MiddlewareRoute } from "@medusajs/framework/http"
import { validateQuery, validateBody } from "../../utils/medusa-seams/validate-request"
import {
  listConversationsQueryConfig,
  listMessagesQueryConfig,
  retrieveConversationQueryConfig,
} from "./query-config"
import {
  AdminCreateConversation,
  AdminGetConversationsParams,
} from "./validators"
import {
  EmptyBody,
  GetConversationParams,
  MessagePageParams,
  SEND_BODY_SIZE_LIMIT,
  SendMessage,
} from "../../utils/validators/common"
import { rateLimitSends } from "../../utils/middlewares/rate-limit"

export const adminConversationMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/conversations",
    middlewares: [
      validateQuery(AdminGetConversationsParams, listConversationsQueryConfig),
    ],
  },
  {
    method: ["POST"],
    matcher: "/admin/conversations",
    bodyParser: { sizeLimit: SEND_BODY_SIZE_LIMIT },
    middlewares: [rateLimitSends("owner"), validateBody(AdminCreateConversation)],
  },
  {
    method: ["GET"],
    matcher: "/admin/conversations/:id",
    middlewares: [
      validateQuery(GetConversationParams, retrieveConversationQueryConfig),
    ],
  },
  {
    method: ["GET"],
    matcher: "/admin/conversations/:id/messages",
    middlewares: [validateQuery(MessagePageParams, listMessagesQueryConfig)],
  },
  {
    method: ["POST"],
    matcher: "/admin/conversations/:id/messages",
    bodyParser: { sizeLimit: SEND_BODY_SIZE_LIMIT },
    middlewares: [rateLimitSends("owner"), validateBody(SendMessage)],
  },
  {
    method: ["POST"],
    matcher: "/admin/conversations/:id/read",
    middlewares: [validateBody(EmptyBody)],
  },
  {
    method: ["POST"],
    matcher: "/admin/conversations/:id/unread",
    middlewares: [validateBody(EmptyBody)],
  },
]
