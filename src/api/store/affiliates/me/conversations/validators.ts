import { z } from "@medusajs/framework/zod"
import {
  booleanParam,
  checkMessage,
  messageFields,
  messagePageParams,
  pagination,
} from "../../../../utils/common-validators"

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

export const StoreGetConversationParams = z.strictObject({
  mark_read: booleanParam.default(true),
})
export type StoreGetConversationParamsType = z.infer<typeof StoreGetConversationParams>

export const StoreGetMessagesParams = messagePageParams
export type StoreGetMessagesParamsType = z.infer<typeof StoreGetMessagesParams>

export const StoreSendMessage = z.strictObject(messageFields).superRefine(checkMessage)
export type StoreSendMessageType = z.infer<typeof StoreSendMessage>

export const StoreReadBody = z.strictObject({})
