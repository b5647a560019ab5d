import {
  MiddlewareRoute,
  validateAndTransformBody,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
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

const retrieveQuery = validateAndTransformQuery(
  AdminGetAffiliateGroupParams,
  retrieveAffiliateGroupQueryConfig
)

export const adminAffiliateGroupMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/affiliate-groups",
    middlewares: [
      validateAndTransformQuery(
        AdminGetAffiliateGroupsParams,
        listAffiliateGroupsQueryConfig
      ),
    ],
  },
  {
    method: ["POST"],
    matcher: "/admin/affiliate-groups",
    middlewares: [validateAndTransformBody(AdminCreateAffiliateGroup), retrieveQuery],
  },
  {
    method: ["GET"],
    matcher: "/admin/affiliate-groups/:id",
    middlewares: [retrieveQuery],
  },
  {
    method: ["POST"],
    matcher: "/admin/affiliate-groups/:id",
    middlewares: [validateAndTransformBody(AdminUpdateAffiliateGroup), retrieveQuery],
  },
]
