"use client"
/**
 * React components and hooks for the affiliate side of
 * medusa-plugin-affiliate-messaging. Create a client with
 * `createAffiliateMessagingClient` from `medusa-plugin-affiliate-messaging-storefront`
 * and pass it as `client` (or through `AffiliateMessagingProvider`).
 */
export { createAffiliateMessagingClient } from "../client/index.js"
export { AffiliateMessages, type AffiliateMessagesProps } from "./components/affiliate-messages.js"
export { MessagesBadge, type MessagesBadgeProps } from "./components/messages-badge.js"
export { AffiliateMessagingProvider, useAffiliateMessagingClient } from "./context.js"
export { refreshMessaging, type MessagingChange } from "./events.js"
export {
  useMessagingStatus,
  type MessagingStatusState,
  type UseMessagingStatusOptions,
} from "./hooks/use-messaging-status.js"
export { useConversations, type ConversationsState, type UseConversationsOptions } from "./hooks/use-conversations.js"
export { useThread, type ThreadState, type UseThreadOptions } from "./hooks/use-thread.js"
export {
  useSendMessage,
  type SendMessageState,
  type SentMessage,
  type UseSendMessageOptions,
} from "./hooks/use-send-message.js"
export {
  useAttachmentUploads,
  useFileUploads,
  type AttachmentUploadsState,
  type PendingUpload,
  type UploadOne,
} from "./hooks/use-attachment-uploads.js"
export { useAttachmentUrl, saveAttachment } from "./hooks/use-attachment-url.js"
export { AFFILIATE_MESSAGING_CSS, injectAffiliateMessagingStyles } from "./styles.js"
export { splitLinks, type TextPart } from "../shared/linkify.js"
