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

export type Invite = { affiliate_id: string; email: string; accept_url: string }

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

  /** An admin's invite to a team: its id, email and accept URL. */
  const invite = async (affiliateId: string, email: string): Promise<Invite> => {
    const res = await http.post(`/admin/affiliates/${affiliateId}/invites`, { email }, admin.headers)
    expect(res.status).toBe(200)
    return { affiliate_id: affiliateId, email, accept_url: res.data.invite.accept_url }
  }

  /** The invitee registers a login for the invited email and accepts. */
  const accept = async (pending: Invite): Promise<MemberLogin> => {
    const token = new URL(pending.accept_url).searchParams.get("token")
    const registration = await registerAffiliateIdentity(http, pending.email)
    const accepted = await http.post(
      "/store/affiliates/invites/accept",
      { token, first_name: pending.email.split("@")[0] },
      { ...bearer(registration), "x-publishable-api-key": publishableKey }
    )
    expect(accepted.status).toBe(200)
    const login = await loginAffiliate(http, pending.email)
    return {
      affiliate_id: pending.affiliate_id,
      member_id: accepted.data.member.id,
      headers: { ...bearer(login), "x-publishable-api-key": publishableKey },
    }
  }

  /** A second member joining a team through an invite. */
  const member = async (affiliateId: string, email: string): Promise<MemberLogin> =>
    accept(await invite(affiliateId, email))

  /** Moves an affiliate into a new group with messaging disabled (its members are told `message`). */
  const disableMessaging = async (affiliateId: string, message = "Closed") => {
    const group = await http.post(
      "/admin/affiliate-groups",
      { name: `Quiet ${affiliateId}-${Date.now()}`, messaging_enabled: false, messaging_disabled_message: message },
      admin.headers
    )
    expect(group.status).toBe(200)
    const moved = await http.post(`/admin/affiliates/${affiliateId}`, { group_id: group.data.affiliate_group.id }, admin.headers)
    expect(moved.status).toBe(200)
  }

  return { admin, publishableKey, team, invite, accept, member, setStatus, disableMessaging }
}
