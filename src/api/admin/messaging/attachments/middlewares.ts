import type { MiddlewareRoute } from "@medusajs/framework/http"

/** Uploads are streamed by the route itself: Medusa's body parser stays out. */
export const adminAttachmentMiddlewares: MiddlewareRoute[] = [
  { method: ["POST"], matcher: "/admin/messaging/attachments", bodyParser: false, middlewares: [] },
]
