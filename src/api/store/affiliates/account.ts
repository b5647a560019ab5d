import type { AuthenticatedMedusaRequest } from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import type { StoreAffiliateAccountResponse } from "../../../types/http"
import { retrieveOne } from "../../utils/query"
import { storeAffiliateFields, storeAffiliateMemberFields } from "./query-config"

/** The member and its team, in the shape affiliates may see. */
export async function retrieveAccount(
  scope: MedusaContainer,
  memberId: string
): Promise<StoreAffiliateAccountResponse> {
  const { affiliate, ...member } = await retrieveOne(
    scope,
    "affiliate_member",
    { id: memberId },
    [
      ...storeAffiliateMemberFields,
      ...storeAffiliateFields.map((field) => `affiliate.${field}`),
    ],
    `Affiliate member ${memberId} was not found`
  )
  return { affiliate, member }
}

/** Sign-up and invite acceptance need an identity that is not an affiliate member yet. */
export function ensureUnregistered(req: AuthenticatedMedusaRequest<unknown>) {
  if (req.auth_context.actor_id) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      "This login already belongs to an affiliate member"
    )
  }
}
