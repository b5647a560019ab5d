import { authenticate, defineMiddlewares } from "@medusajs/framework/http"

export default defineMiddlewares({
  routes: [
    {
      matcher: "/store/bench-floor/affiliate",
      middlewares: [authenticate("affiliate", ["session", "bearer"])],
    },
  ],
})
