import type { MedusaContainer } from "@medusajs/framework/types"
import {
  bearer,
  createAdmin,
  createPublishableKey,
  loginAffiliate,
  registerAffiliateIdentity,
  signUpAffiliate,
} from "./actors"
import type { HttpClient } from "./http-client"

export type MemberLogin = {
  affiliate_id: string
  member_id: string
  headers: Record<string, string>
}

/**
 * An affiliate program built through the real API: an admin, a publishable
 * key, and helpers that create approved teams and extra members.
 */
export async function createProgram(http: HttpClient, container: MedusaContainer) {
  const admin = await createAdmin(http, container)
  const publishableKey = await createPublishableKey(container)

  const setStatus = async (affiliateId: string, status: string) => {
    const res = await http.post(`/admin/affiliates/${affiliateId}`, { status }, admin.headers)
    expect(res.status).toBe(200)
  }

  /** A team signed up by its owner and approved by the admin. */
  const team = async (name: string, email: string, extra: Record<string, unknown> = {}) => {
    const owner = await signUpAffiliate(http, publishableKey, { name, email, first_name: name.split(" ")[0] })
    const update = await http.post(
      `/admin/affiliates/${owner.affiliate.id}`,
      { status: "active", ...extra },
      admin.headers
    )
    expect(update.status).toBe(200)
    return {
      affiliate_id: owner.affiliate.id as string,
      member_id: owner.member.id as string,
      headers: owner.headers,
    }
  }

  /** A second member joining a team through an invite. */
  const member = async (affiliateId: string, email: string): Promise<MemberLogin> => {
    const invite = await http.post(`/admin/affiliates/${affiliateId}/invites`, { email }, admin.headers)
    expect(invite.status).toBe(200)
    const token = new URL(invite.data.invite.accept_url).searchParams.get("token")
    const registration = await registerAffiliateIdentity(http, email)
    const accepted = await http.post(
      "/store/affiliates/invites/accept",
      { token, first_name: email.split("@")[0] },
      { ...bearer(registration), "x-publishable-api-key": publishableKey }
    )
    expect(accepted.status).toBe(200)
    const login = await loginAffiliate(http, email)
    return {
      affiliate_id: affiliateId,
      member_id: accepted.data.member.id,
      headers: { ...bearer(login), "x-publishable-api-key": publishableKey },
    }
  }

  return { admin, publishableKey, team, member, setStatus }
}
