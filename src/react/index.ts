"use client"
/**
 * React components and hooks for the affiliate side of
 * medusa-plugin-affiliate-messaging. Create a client with
 * `createAffiliateMessagingClient` from `medusa-plugin-affiliate-messaging/client`
 * and pass it as `client` (or through `AffiliateMessagingProvider`).
 */
export { AffiliateMessages, type AffiliateMessagesProps } from "./components/affiliate-messages"
export { MessagesBadge, type MessagesBadgeProps } from "./components/messages-badge"
export { AffiliateMessagingProvider, useAffiliateMessagingClient } from "./context"
export { refreshMessaging, type MessagingChange } from "./events"
export {
  useMessagingStatus,
  type MessagingStatusState,
  type UseMessagingStatusOptions,
} from "./hooks/use-messaging-status"
export { useConversations, type ConversationsState, type UseConversationsOptions } from "./hooks/use-conversations"
export { useThread, type ThreadState, type UseThreadOptions } from "./hooks/use-thread"
export {
  useSendMessage,
  type SendMessageState,
  type SentMessage,
  type UseSendMessageOptions,
} from "./hooks/use-send-message"
export {
  useAttachmentUploads,
  type AttachmentUploadsState,
  type PendingUpload,
} from "./hooks/use-attachment-uploads"
export { useAttachmentUrl, saveAttachment } from "./hooks/use-attachment-url"
export { AFFILIATE_MESSAGING_CSS, injectAffiliateMessagingStyles } from "./styles"
export { splitLinks, type TextPart } from "../utils/linkify"
