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
  AdminGetConversationParams,
  AdminGetConversationsParams,
  AdminGetMessagesParams,
  AdminReadStateBody,
  AdminSendMessage,
} from "./validators"

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
      validateAndTransformQuery(AdminGetConversationParams, retrieveConversationQueryConfig),
    ],
  },
  {
    method: ["GET"],
    matcher: "/admin/conversations/:id/messages",
    middlewares: [validateAndTransformQuery(AdminGetMessagesParams, listMessagesQueryConfig)],
  },
  {
    method: ["POST"],
    matcher: "/admin/conversations/:id/messages",
    middlewares: [validateAndTransformBody(AdminSendMessage)],
  },
  {
    method: ["POST"],
    matcher: "/admin/conversations/:id/read",
    middlewares: [validateAndTransformBody(AdminReadStateBody)],
  },
  {
    method: ["POST"],
    matcher: "/admin/conversations/:id/unread",
    middlewares: [validateAndTransformBody(AdminReadStateBody)],
  },
]
