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
  SEND_BODY_SIZE_LIMIT,
  SendMessage,
} from "../../../../utils/common-validators"
import { rateLimitSends } from "../../../../utils/rate-limit-sends"

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
    bodyParser: { sizeLimit: SEND_BODY_SIZE_LIMIT },
    middlewares: [rateLimitSends("member"), validateAndTransformBody(StoreCreateConversation)],
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
    bodyParser: { sizeLimit: SEND_BODY_SIZE_LIMIT },
    middlewares: [rateLimitSends("member"), validateAndTransformBody(SendMessage)],
  },
  {
    method: ["POST"],
    matcher: "/store/affiliates/me/conversations/:id/read",
    middlewares: [validateAndTransformBody(EmptyBody)],
  },
]
