import { MiddlewareRoute } from "@medusajs/framework/http"
import { validateQuery, validateBody } from "../../utils/medusa-seams/validate-request"
import {
  listAffiliateGroupsQueryConfig,
  retrieveAffiliateGroupQueryConfig,
} from "./query-config"
import {
  AdminCreateAffiliateGroup,
  AdminGetAffiliateGroupParams,
  AdminGetAffiliateGroupsParams,
  AdminUpdateAffiliateGroup,
} from "./validators"

const retrieveQuery = validateQuery(
  AdminGetAffiliateGroupParams,
  retrieveAffiliateGroupQueryConfig
)

export const adminAffiliateGroupMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/affiliate-groups",
    middlewares: [
      validateQuery(
        AdminGetAffiliateGroupsParams,
        listAffiliateGroupsQueryConfig
      ),
    ],
  },
  {
    method: ["POST"],
    matcher: "/admin/affiliate-groups",
    middlewares: [validateBody(AdminCreateAffiliateGroup), retrieveQuery],
  },
  {
    method: ["GET"],
    matcher: "/admin/affiliate-groups/:id",
    middlewares: [retrieveQuery],
  },
  {
    method: ["POST"],
    matcher: "/admin/affiliate-groups/:id",
    middlewares: [validateBody(AdminUpdateAffiliateGroup), retrieveQuery],
  },
]
