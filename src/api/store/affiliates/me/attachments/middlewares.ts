import type { MiddlewareRoute } from "@medusajs/framework/http"

/** Uploads are streamed by the route itself: Medusa's body parser stays out. */
export const storeAttachmentMiddlewares: MiddlewareRoute[] = [
  { method: ["POST"], matcher: "/store/affiliates/me/attachments", bodyParser: false, middlewares: [] },
]
