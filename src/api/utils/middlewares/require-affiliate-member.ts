import type {
  AuthenticatedMedusaRequest,
  MedusaNextFunction,
  MedusaResponse,
} from "@medusajs/framework/http"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type { IAffiliateModuleService, MemberAccess } from "../../../types/affiliate-module"

export type AffiliateMemberContext = MemberAccess

export type AffiliateMemberRequest<Body = unknown> =
  AuthenticatedMedusaRequest<Body> & { affiliate_member: AffiliateMemberContext }

/**
 * Resolves the authenticated member once per request and refuses members of
 * suspended affiliates (403) on every `/store/affiliates/me*` route.
 */
export async function requireAffiliateMember(
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse,
  next: MedusaNextFunction
) {
  try {
    await resolveMember(req, res, next)
  } catch (error) {
    next(error)
  }
}

async function resolveMember(
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse,
  next: MedusaNextFunction
) {
  const member = await req.scope
    .resolve<IAffiliateModuleService>(AFFILIATE_MODULE)
    .retrieveMemberAccess(req.auth_context.actor_id)
  if (!member) {
    res.status(401).json({
      type: "unauthorized",
      message: "This account is no longer an affiliate member",
    })
    return
  }
  if (member.affiliate.status === "suspended") {
    res.status(403).json({
      type: "not_allowed",
      message: "This affiliate account is suspended",
    })
    return
  }
  ;(req as AffiliateMemberRequest).affiliate_member = member
  next()
}
