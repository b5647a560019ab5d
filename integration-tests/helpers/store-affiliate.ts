/**
 * Affiliates, members and their messages made over real HTTP against a
 * running store (startAdminApp), the way the storefront and an admin's
 * scripts would: the browser tests then look at the result in the dashboard.
 * The in-process equivalent for the HTTP suites is program.ts/actors.ts.
 * Every call throws, with status and body, when the answer is not a success.
 */

export const AFFILIATE_PASSWORD = "correct-horse-battery"

type Headers = Record<string, string>
export type ApiResult<T = any> = { status: number; data: T }

export type StoreConnection = {
  backendUrl: string
  adminEmail: string
  adminPassword: string
  publishableKey: string
}

/** A logged-in affiliate member: bearer + publishable key, ready for /store/affiliates/me/*. */
export type MemberSession = {
  affiliate_id: string
  member_id: string
  email: string
  headers: Headers
}

const bearer = (token: string): Headers => ({ authorization: `Bearer ${token}` })

export type RequestOptions = { headers?: Headers; body?: unknown; timeoutMs?: number }

export async function request<T = any>(
  baseUrl: string,
  method: string,
  route: string,
  { headers = {}, body, timeoutMs }: RequestOptions = {}
): Promise<ApiResult<T>> {
  const res = await fetch(`${baseUrl}${route}`, {
    method,
    headers: { ...(body === undefined ? {} : { "content-type": "application/json" }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: timeoutMs ? AbortSignal.timeout(timeoutMs) : undefined,
  })
  const text = await res.text()
  let data: any = text
  try {
    data = JSON.parse(text)
  } catch {}
  return { status: res.status, data }
}

async function ok<T = any>(
  baseUrl: string,
  method: string,
  route: string,
  options: { headers?: Headers; body?: unknown } = {}
): Promise<T> {
  const result = await request<T>(baseUrl, method, route, options)
  if (result.status < 200 || result.status >= 300) {
    throw new Error(`${method} ${route} answered ${result.status}: ${JSON.stringify(result.data)}`)
  }
  return result.data
}

/**
 * Logs the store's admin in (bearer) and returns helpers for the affiliate
 * program: affiliates made by the admin or signed up through the store API,
 * invited members, and messages from either side.
 */
export async function connectToStore(store: StoreConnection) {
  const base = store.backendUrl
  const { token: adminToken } = await ok(base, "POST", "/auth/user/emailpass", {
    body: { email: store.adminEmail, password: store.adminPassword },
  })
  const admin = bearer(adminToken)
  const storeHeaders = (token: string) => ({ ...bearer(token), "x-publishable-api-key": store.publishableKey })

  const registerIdentity = async (email: string, password = AFFILIATE_PASSWORD) =>
    (await ok(base, "POST", "/auth/affiliate/emailpass/register", { body: { email, password } }))
      .token as string
  const loginMember = async (email: string, password = AFFILIATE_PASSWORD) =>
    (await ok(base, "POST", "/auth/affiliate/emailpass", { body: { email, password } })).token as string

  const program = {
    admin,
    /** Any call, answering every status (for tests of refusals). */
    request: <T = any>(method: string, route: string, options?: RequestOptions) =>
      request<T>(base, method, route, options),

    /** Another admin user, as Settings → Team does it (invite, register, accept); returns its bearer headers. */
    async inviteAdmin(email: string, password = AFFILIATE_PASSWORD) {
      const { invite } = await ok(base, "POST", "/admin/invites", { headers: admin, body: { email } })
      const { token: registration } = await ok(base, "POST", "/auth/user/emailpass/register", {
        body: { email, password },
      })
      await ok(base, "POST", `/admin/invites/accept?token=${encodeURIComponent(invite.token)}`, {
        headers: bearer(registration),
        body: { email, first_name: email.split("@")[0], last_name: "Admin" },
      })
      const { token } = await ok(base, "POST", "/auth/user/emailpass", { body: { email, password } })
      return bearer(token)
    },

    /** An affiliate created by the admin (no member can log in to it yet). */
    async createAffiliate(input: {
      name: string
      email: string
      status?: "pending" | "active" | "suspended" | string
      group_id?: string
      manager_id?: string
      metadata?: Record<string, unknown>
    }) {
      const { affiliate } = await ok(base, "POST", "/admin/affiliates", {
        headers: admin,
        body: { status: "active", ...input },
      })
      return affiliate
    },

    async updateAffiliate(affiliateId: string, update: Record<string, unknown>) {
      const { affiliate } = await ok(base, "POST", `/admin/affiliates/${affiliateId}`, {
        headers: admin,
        body: update,
      })
      return affiliate
    },

    /**
     * Sign-up through the store API, as the storefront does: a registration
     * token, `POST /store/affiliates` (creates the affiliate, pending unless
     * autoApproveAffiliates, and its owner member), then a login.
     */
    async signUp(input: { name: string; email: string; first_name?: string; last_name?: string }) {
      const registration = await registerIdentity(input.email)
      const { affiliate, member } = await ok(base, "POST", "/store/affiliates", {
        headers: storeHeaders(registration),
        body: input,
      })
      const session: MemberSession = {
        affiliate_id: affiliate.id,
        member_id: member.id,
        email: input.email,
        headers: storeHeaders(await loginMember(input.email)),
      }
      return { affiliate, member, session }
    },

    /** A team signed up by its owner and set active by the admin; returns the owner's session. */
    async activeTeam(name: string, email: string, extra: Record<string, unknown> = {}) {
      const { session } = await program.signUp({ name, email, first_name: name.split(" ")[0] })
      await program.updateAffiliate(session.affiliate_id, { status: "active", ...extra })
      return session
    },

    /** Another member joining a team: admin invite, accepted with a registration token. */
    async inviteMember(affiliateId: string, email: string, firstName = email.split("@")[0]) {
      const { invite } = await ok(base, "POST", `/admin/affiliates/${affiliateId}/invites`, {
        headers: admin,
        body: { email },
      })
      const token = new URL(invite.accept_url).searchParams.get("token")
      const registration = await registerIdentity(email)
      const { member } = await ok(base, "POST", "/store/affiliates/invites/accept", {
        headers: storeHeaders(registration),
        body: { token, first_name: firstName },
      })
      const session: MemberSession = {
        affiliate_id: affiliateId,
        member_id: member.id,
        email,
        headers: storeHeaders(await loginMember(email)),
      }
      return session
    },

    /** The affiliate writes to the store owner (team thread unless audience "member"). */
    async affiliateWrites(member: MemberSession, body: string, audience?: "team" | "member") {
      return ok<{ conversation: any; message: any }>(base, "POST", "/store/affiliates/me/conversations", {
        headers: member.headers,
        body: audience ? { body, audience } : { body },
      })
    },

    /** The affiliate replies in a conversation it can see. */
    async affiliateReplies(member: MemberSession, conversationId: string, body: string) {
      const { message } = await ok(base, "POST", `/store/affiliates/me/conversations/${conversationId}/messages`, {
        headers: member.headers,
        body: { body },
      })
      return message
    },

    /** The admin's New Message (to the team, or to one member). */
    async adminWrites(affiliateId: string, body: string, memberId?: string) {
      return ok<{ conversation: any; message: any }>(base, "POST", "/admin/conversations", {
        headers: admin,
        body: { affiliate_id: affiliateId, body, ...(memberId ? { member_id: memberId } : {}) },
      })
    },

    async adminReplies(conversationId: string, body: string) {
      const { message } = await ok(base, "POST", `/admin/conversations/${conversationId}/messages`, {
        headers: admin,
        body: { body },
      })
      return message
    },
  }
  return program
}

export type StoreProgram = Awaited<ReturnType<typeof connectToStore>>
