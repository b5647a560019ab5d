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
  StoreCreateConversation,
  StoreGetConversationsParams,
} from "./validators"
import {
  EmptyBody,
  GetConversationParams,
  MessagePageParams,
  SendMessage,
} from "../../../../utils/common-validators"

/** Authentication and the member guard come from /store/affiliates/me*. */
export const storeConversationMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/store/affiliates/me/conversations",
    middlewares: [
      validateAndTransformQuery(StoreGetConversationsParams, listConversationsQueryConfig),
    ],
  },
  {
    method: ["POST"],
    matcher: "/store/affiliates/me/conversations",
    middlewares: [validateAndTransformBody(StoreCreateConversation)],
  },
  {
    method: ["GET"],
    matcher: "/store/affiliates/me/conversations/:id",
    middlewares: [
      validateAndTransformQuery(GetConversationParams, retrieveConversationQueryConfig),
    ],
  },
  {
    method: ["GET"],
    matcher: "/store/affiliates/me/conversations/:id/messages",
    middlewares: [validateAndTransformQuery(MessagePageParams, listMessagesQueryConfig)],
  },
  {
    method: ["POST"],
    matcher: "/store/affiliates/me/conversations/:id/messages",
    middlewares: [validateAndTransformBody(SendMessage)],
  },
  {
    method: ["POST"],
    matcher: "/store/affiliates/me/conversations/:id/read",
    middlewares: [validateAndTransformBody(EmptyBody)],
  },
]
