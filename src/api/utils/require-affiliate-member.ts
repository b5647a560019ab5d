import type {
  AuthenticatedMedusaRequest,
  MedusaNextFunction,
  MedusaResponse,
} from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { AffiliateStatus } from "../../types/affiliate"

export type AffiliateMemberContext = {
  id: string
  affiliate_id: string
  affiliate_status: AffiliateStatus
  affiliate_group_id: string | null
}

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
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [member],
  } = await query.graph({
    entity: "affiliate_member",
    fields: ["id", "affiliate_id", "affiliate.status", "affiliate.group_id"],
    filters: { id: req.auth_context.actor_id },
  })
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
  ;(req as AffiliateMemberRequest).affiliate_member = {
    id: member.id,
    affiliate_id: member.affiliate_id,
    affiliate_status: member.affiliate.status,
    affiliate_group_id: member.affiliate.group_id ?? null,
  }
  next()
}
