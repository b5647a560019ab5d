import type { MiddlewareRoute } from "@medusajs/framework/http"
import { rateLimitUploads } from "../../../../utils/middlewares/rate-limit"

/** Uploads are streamed by the route itself: Medusa's body parser stays out. Upload requests per minute are capped like sends. */
export const storeAttachmentMiddlewares: MiddlewareRoute[] = [
  { method: ["POST"], matcher: "/store/affiliates/me/attachments", bodyParser: false, middlewares: [rateLimitUploads("member")] },
]
