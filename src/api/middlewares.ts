import { defineMiddlewares } from "@medusajs/framework/http"
import { adminAuthenticationMiddlewares } from "./admin/middlewares"
import { adminBroadcastMiddlewares } from "./admin/affiliate-broadcasts/middlewares"
import { adminAffiliateGroupMiddlewares } from "./admin/affiliate-groups/middlewares"
import { adminAffiliateMiddlewares } from "./admin/affiliates/middlewares"
import { adminConversationMiddlewares } from "./admin/conversations/middlewares"
import { adminAttachmentMiddlewares } from "./admin/messaging/attachments/middlewares"
import { adminInboundEmailMiddlewares } from "./admin/messaging/inbound-emails/middlewares"
import { adminMessagingSettingsMiddlewares } from "./admin/messaging/settings/middlewares"
import { adminMessagingStreamMiddlewares } from "./admin/messaging/stream/middlewares"
import { storeAttachmentMiddlewares } from "./store/affiliates/me/attachments/middlewares"
import { storeConversationMiddlewares } from "./store/affiliates/me/conversations/middlewares"
import { inboundEmailWebhookMiddlewares } from "./hooks/affiliate-messaging/email/middlewares"
import { storeAffiliateMiddlewares } from "./store/affiliates/middlewares"
import { storeStreamMiddlewares } from "./store/affiliates/me/stream/middlewares"
import { frontPublishableKeyCheck } from "./utils/medusa-seams/publishable-key-check"
import { rejectMalformedPluginPaths } from "./utils/medusa-seams/reject-malformed-paths"
import { requestsInFlightMiddlewares } from "./utils/middlewares/count-requests-in-flight"

// before Medusa registers its publishable key check and its authentication
// of /admin and /store, which it does after importing this file
frontPublishableKeyCheck()
rejectMalformedPluginPaths()

export default defineMiddlewares({
  routes: [
    ...requestsInFlightMiddlewares,
    ...adminAuthenticationMiddlewares,
    ...adminAffiliateMiddlewares,
    ...adminAffiliateGroupMiddlewares,
    ...adminConversationMiddlewares,
    ...adminBroadcastMiddlewares,
    ...adminMessagingSettingsMiddlewares,
    ...adminAttachmentMiddlewares,
    ...adminInboundEmailMiddlewares,
    ...adminMessagingStreamMiddlewares,
    ...storeAffiliateMiddlewares,
    ...storeConversationMiddlewares,
    ...storeAttachmentMiddlewares,
    ...storeStreamMiddlewares,
    ...inboundEmailWebhookMiddlewares,
  ],
})
