import { MiddlewareRoute } from "@medusajs/framework/http"
import { validateQuery, validateBody } from "../../../../utils/medusa-seams/validate-request"
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
} from "../../../../utils/validators/common"
import { rateLimitSends } from "../../../../utils/middlewares/rate-limit"

/** Authentication and the member guard come from /store/affiliates/me*. */
export const storeConversationMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/store/affiliates/me/conversations",
    middlewares: [
      validateQuery(StoreGetConversationsParams, listConversationsQueryConfig),
    ],
  },
  {
    method: ["POST"],
    matcher: "/store/affiliates/me/conversations",
    bodyParser: { sizeLimit: SEND_BODY_SIZE_LIMIT },
    middlewares: [rateLimitSends("member"), validateBody(StoreCreateConversation)],
  },
  {
    method: ["GET"],
    matcher: "/store/affiliates/me/conversations/:id",
    middlewares: [
      validateQuery(GetConversationParams, retrieveConversationQueryConfig),
    ],
  },
  {
    method: ["GET"],
    matcher: "/store/affiliates/me/conversations/:id/messages",
    middlewares: [validateQuery(MessagePageParams, listMessagesQueryConfig)],
  },
  {
    method: ["POST"],
    matcher: "/store/affiliates/me/conversations/:id/messages",
    bodyParser: { sizeLimit: SEND_BODY_SIZE_LIMIT },
    middlewares: [rateLimitSends("member"), validateBody(SendMessage)],
  },
  {
    method: ["POST"],
    matcher: "/store/affiliates/me/conversations/:id/read",
    middlewares: [validateBody(EmptyBody)],
  },
]
