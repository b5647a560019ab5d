import { MiddlewareRoute } from "@medusajs/framework/http"
import { validateQuery, validateBody } from "../../utils/medusa-seams/validate-request"
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
      validateQuery(AdminGetAffiliatesParams, listAffiliatesQueryConfig),
    ],
  },
  {
    method: ["POST"],
    matcher: "/admin/affiliates",
    middlewares: [
      validateBody(AdminCreateAffiliate),
      validateQuery(AdminGetAffiliateParams, retrieveAffiliateQueryConfig),
    ],
  },
  {
    method: ["GET"],
    matcher: "/admin/affiliates/:id",
    middlewares: [
      validateQuery(AdminGetAffiliateParams, retrieveAffiliateQueryConfig),
    ],
  },
  {
    method: ["POST"],
    matcher: "/admin/affiliates/:id",
    middlewares: [
      validateBody(AdminUpdateAffiliate),
      validateQuery(AdminGetAffiliateParams, retrieveAffiliateQueryConfig),
    ],
  },
  {
    method: ["GET"],
    matcher: "/admin/affiliates/:id/members",
    middlewares: [
      validateQuery(
        AdminGetAffiliateMembersParams,
        listAffiliateMembersQueryConfig
      ),
    ],
  },
  {
    method: ["POST"],
    matcher: "/admin/affiliates/:id/invites",
    middlewares: [validateBody(AdminCreateAffiliateInvite)],
  },
]
