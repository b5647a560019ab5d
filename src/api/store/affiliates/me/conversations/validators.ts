import { z } from "@medusajs/framework/zod"
import {
  booleanParam,
  checkMessage,
  messageFields,
  pagination,
} from "../../../../utils/validators/common"

export const StoreGetConversationsParams = z.strictObject({
  ...pagination(20),
  unread: booleanParam.optional(),
})
export type StoreGetConversationsParamsType = z.infer<typeof StoreGetConversationsParams>

export const StoreCreateConversation = z
  .strictObject({
    ...messageFields,
    audience: z.enum(["team", "member"]).default("team"),
  })
  .superRefine(checkMessage)
export type StoreCreateConversationType = z.infer<typeof StoreCreateConversation>

