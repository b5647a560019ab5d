import {
  MiddlewareRoute,
  validateAndTransformBody,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import {
  listAffiliateMembersQueryConfig,
  listAffiliatesQueryConfig,
  retrieveAffiliateQueryConfig,
} from "./query-config"
import {
  AdminCreateAffiliate,
  AdminCreateAffiliateInvite,
  AdminGetAffiliateMembersParams,
  AdminGetAffiliateParams,
  AdminGetAffiliatesParams,
  AdminUpdateAffiliate,
} from "./validators"

export const adminAffiliateMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/affiliates",
    middlewares: [
      validateAndTransformQuery(AdminGetAffiliatesParams, listAffiliatesQueryConfig),
    ],
  },
  {
    method: ["POST"],
    matcher: "/admin/affiliates",
    middlewares: [
      validateAndTransformBody(AdminCreateAffiliate),
      validateAndTransformQuery(AdminGetAffiliateParams, retrieveAffiliateQueryConfig),
    ],
  },
  {
    method: ["GET"],
    matcher: "/admin/affiliates/:id",
    middlewares: [
      validateAndTransformQuery(AdminGetAffiliateParams, retrieveAffiliateQueryConfig),
    ],
  },
  {
    method: ["POST"],
    matcher: "/admin/affiliates/:id",
    middlewares: [
      validateAndTransformBody(AdminUpdateAffiliate),
      validateAndTransformQuery(AdminGetAffiliateParams, retrieveAffiliateQueryConfig),
    ],
  },
  {
    method: ["GET"],
    matcher: "/admin/affiliates/:id/members",
    middlewares: [
      validateAndTransformQuery(
        AdminGetAffiliateMembersParams,
        listAffiliateMembersQueryConfig
      ),
    ],
  },
  {
    method: ["POST"],
    matcher: "/admin/affiliates/:id/invites",
    middlewares: [validateAndTransformBody(AdminCreateAffiliateInvite)],
  },
]
