import {
  MiddlewareRoute,
  validateAndTransformBody,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
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
} from "../../utils/common-validators"
import { rateLimitSends } from "../../utils/rate-limit-sends"

export const adminConversationMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/conversations",
    middlewares: [
      validateAndTransformQuery(AdminGetConversationsParams, listConversationsQueryConfig),
    ],
  },
  {
    method: ["POST"],
    matcher: "/admin/conversations",
    bodyParser: { sizeLimit: SEND_BODY_SIZE_LIMIT },
    middlewares: [rateLimitSends("owner"), validateAndTransformBody(AdminCreateConversation)],
  },
  {
    method: ["GET"],
    matcher: "/admin/conversations/:id",
    middlewares: [
      validateAndTransformQuery(GetConversationParams, retrieveConversationQueryConfig),
    ],
  },
  {
    method: ["GET"],
    matcher: "/admin/conversations/:id/messages",
    middlewares: [validateAndTransformQuery(MessagePageParams, listMessagesQueryConfig)],
  },
  {
    method: ["POST"],
    matcher: "/admin/conversations/:id/messages",
    bodyParser: { sizeLimit: SEND_BODY_SIZE_LIMIT },
    middlewares: [rateLimitSends("owner"), validateAndTransformBody(SendMessage)],
  },
  {
    method: ["POST"],
    matcher: "/admin/conversations/:id/read",
    middlewares: [validateAndTransformBody(EmptyBody)],
  },
  {
    method: ["POST"],
    matcher: "/admin/conversations/:id/unread",
    middlewares: [validateAndTransformBody(EmptyBody)],
  },
]
