import { defineMiddlewares } from "@medusajs/framework/http"
import { adminAffiliateGroupMiddlewares } from "./admin/affiliate-groups/middlewares"
import { adminAffiliateMiddlewares } from "./admin/affiliates/middlewares"
import { adminConversationMiddlewares } from "./admin/conversations/middlewares"
import { adminAttachmentMiddlewares } from "./admin/messaging/attachments/middlewares"
import { adminMessagingSettingsMiddlewares } from "./admin/messaging/settings/middlewares"
import { storeAttachmentMiddlewares } from "./store/affiliates/me/attachments/middlewares"
import { storeConversationMiddlewares } from "./store/affiliates/me/conversations/middlewares"
import { storeAffiliateMiddlewares } from "./store/affiliates/middlewares"
import { malformedPathMiddlewares } from "./utils/medusa-seams/reject-malformed-paths"

export default defineMiddlewares({
  routes: [
    ...malformedPathMiddlewares,
    ...adminAffiliateMiddlewares,
    ...adminAffiliateGroupMiddlewares,
    ...adminConversationMiddlewares,
    ...adminMessagingSettingsMiddlewares,
    ...adminAttachmentMiddlewares,
    ...storeAffiliateMiddlewares,
    ...storeConversationMiddlewares,
    ...storeAttachmentMiddlewares,
  ],
})
