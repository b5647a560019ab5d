import type { MiddlewareRoute } from "@medusajs/framework/http"

/** The route reads the email itself, streamed and capped: Medusa's body parser stays out. */
export const inboundEmailWebhookMiddlewares: MiddlewareRoute[] = [
  { method: ["POST"], matcher: "/hooks/affiliate-messaging/email", bodyParser: false },
]
