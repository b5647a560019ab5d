import { defineMiddlewares } from "@medusajs/framework/http"
import { adminAffiliateGroupMiddlewares } from "./admin/affiliate-groups/middlewares"
import { adminAffiliateMiddlewares } from "./admin/affiliates/middlewares"
import { storeAffiliateMiddlewares } from "./store/affiliates/middlewares"

export default defineMiddlewares({
  routes: [
    ...adminAffiliateMiddlewares,
    ...adminAffiliateGroupMiddlewares,
    ...storeAffiliateMiddlewares,
  ],
})
