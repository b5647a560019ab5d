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
  SendMessage,
} from "../../utils/common-validators"

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
    middlewares: [validateAndTransformBody(AdminCreateConversation)],
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
    middlewares: [validateAndTransformBody(SendMessage)],
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
