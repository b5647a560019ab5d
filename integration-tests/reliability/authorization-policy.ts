import { bearer, registerAffiliateIdentity } from "../helpers/actors"
import { pngUpload } from "../helpers/fixtures"
import type { HttpClient } from "../helpers/http-client"
import type { RouteRequest } from "./call-route"
import type { RouteKey } from "./route-table"
import type { SecretOwner, World } from "./world"

/**
 * Who calls. Members' callers differ by the ids they aim at: `member` uses
 * its own team's, `otherAffiliate` team B's, `teammateThread` the private
 * thread of a teammate.
 */
export const CALLERS = [
  "anonymous",
  "customer",
  "admin",
  "registration",
  "member",
  "otherAffiliate",
  "teammateThread",
  "suspended",
  "declined",
  "noPublishableKey",
] as const
export type Caller = (typeof CALLERS)[number]

export const CALLER_LABELS: Record<Caller, string> = {
  anonymous: "no auth",
  customer: "customer token",
  admin: "admin token",
  registration: "affiliate identity not signed up yet",
  member: "member A1 on its own team",
  otherAffiliate: "member A1 on affiliate B's ids",
  teammateThread: "member A1 on teammate A2's member thread",
  suspended: "member of a suspended affiliate",
  declined: "member of a declined affiliate",
  noPublishableKey: "no publishable key (store) / admin without one (admin)",
}

/** `allowed`: the policy lets this caller through, so the probe may prepare what a success consumes. */
export type Context = { world: World; http: HttpClient; caller: Caller; allowed: boolean }

export type RoutePolicy = {
  expect: Record<Caller, number>
  probe: (context: Context) => RouteRequest | Promise<RouteRequest>
  /** More requests for a cell, each with its own status (e.g. a foreign message as cursor). */
  extra?: { caller: Caller; status: number; probe: (context: Context) => RouteRequest }[]
}

/** The caller's headers; store routes need the publishable key except for the caller testing its absence. */
export function callerHeaders(world: World, caller: Caller, store: boolean): Record<string, string> {
  const key = { "x-publishable-api-key": world.publishableKey }
  const member = (login: { headers: Record<string, string> }) =>
    store ? login.headers : { authorization: login.headers.authorization }
  switch (caller) {
    case "anonymous":
      return key
    case "customer":
      return world.customer.headers
    case "admin":
      return { ...world.admin.headers, ...key }
    case "registration":
      return { ...bearer(world.registrationToken), ...key }
    case "member":
    case "otherAffiliate":
    case "teammateThread":
      return member(world.members.a1)
    case "suspended":
      return member(world.members.s1)
    case "declined":
      return member(world.members.d1)
    case "noPublishableKey":
      return store ? { authorization: world.members.a1.headers.authorization } : world.admin.headers
  }
}

/** The conversation and attachment a caller aims at. */
export function targetOf(world: World, caller: Caller) {
  switch (caller) {
    case "otherAffiliate":
      return { ...world.threads.teamB, unsent: world.unsent.b1 }
    case "teammateThread":
      return { ...world.threads.threadA2, unsent: world.unsent.a2 }
    case "suspended":
      return { ...world.threads.teamS, unsent: undefined }
    case "declined":
      return { ...world.threads.teamD, unsent: undefined }
    default:
      return { ...world.threads.teamA, unsent: undefined }
  }
}

/** What each caller may see of the seed on a route; everything else it must never receive. */
export function visibleTo(caller: Caller, route: RouteKey): SecretOwner[] | "all" {
  const store = route.includes(" /store/")
  switch (caller) {
    case "admin":
      return "all"
    case "noPublishableKey":
      return store ? ["teamA"] : "all"
    case "registration":
      // accepting the invite makes it a member of team A
      return route === "POST /store/affiliates/invites/accept" ? ["teamA"] : []
    case "member":
    case "otherAffiliate":
    case "teammateThread":
      return ["teamA"]
    case "declined":
      return ["teamD"]
    default:
      return []
  }
}

// Statuses from the contract (docs/design: api.md and the rules):
// 401 not authenticated as the route's actor; 403 suspended members on every
// /store/affiliates/me* route; 404 for what a member cannot see (never 403);
// 409 a declined affiliate's writes ("state forbids it", both sides);
// 400 for Medusa's missing publishable key and for sign-up/invite acceptance
// with a login that already is a member.

/** Admin routes: an admin user (no publishable key needed); every other login is 401. */
const adminRoute = (ok: number): Record<Caller, number> => ({
  anonymous: 401,
  customer: 401,
  admin: ok,
  registration: 401,
  member: 401,
  otherAffiliate: 401,
  teammateThread: 401,
  suspended: 401,
  declined: 401,
  noPublishableKey: ok,
})

/** /store/affiliates/me*: a member of a non-suspended affiliate, the publishable key first. */
const memberRoute = (
  statuses: Pick<Record<Caller, number>, "member" | "otherAffiliate" | "teammateThread" | "declined">
): Record<Caller, number> => ({
  anonymous: 401,
  customer: 401,
  admin: 401,
  registration: 401,
  suspended: 403,
  noPublishableKey: 400,
  ...statuses,
})

/** Sign-up and invite acceptance: only an affiliate identity with no member yet. */
const registrationRoute: Record<Caller, number> = {
  anonymous: 401,
  customer: 401,
  admin: 401,
  registration: 200,
  member: 400,
  otherAffiliate: 400,
  teammateThread: 400,
  suspended: 400,
  declined: 400,
  noPublishableKey: 400,
}

/** A route whose only credential is a signed link: no login opens it, so a forged link is 400 for every caller. */
const signedLinkRoute = Object.fromEntries(CALLERS.map((caller) => [caller, 400])) as Record<Caller, number>
const forgedUnsubscribeLink = (c: Context) => ({ query: `token=${c.world.members.a1.member_id}.${"A".repeat(43)}` })

/** A broadcast to team A scheduled a day ahead, so nothing is sent while the matrix runs. */
const laterBroadcast = (world: World) => ({
  body: "Matrix broadcast",
  audience: { affiliate_ids: [world.affiliates.a] },
  scheduled_at: new Date(Date.now() + 24 * 3600 * 1000).toISOString(),
})
/** A fresh scheduled broadcast for a caller the policy lets through, else an id that never reaches a lookup. */
const broadcastFor = async ({ world, http, allowed }: Context) => {
  if (!allowed) {
    return "bcast_matrix"
  }
  const created = await http.post("/admin/affiliate-broadcasts", laterBroadcast(world), world.admin.headers)
  return created.data.broadcast.id as string
}
const unique = (context: Context, what: string) => `${what}-${context.caller.toLowerCase()}-${context.world.run}`

/** Medusa's own status for each route and caller; the matrix test requires one entry per route. */
export const AUTHORIZATION_POLICY: Record<string, RoutePolicy> = {
  "GET /hooks/affiliate-messaging/unsubscribe": { expect: signedLinkRoute, probe: forgedUnsubscribeLink },
  "POST /hooks/affiliate-messaging/unsubscribe": { expect: signedLinkRoute, probe: forgedUnsubscribeLink },
  "GET /admin/affiliate-groups": { expect: adminRoute(200), probe: () => ({}) },
  "POST /admin/affiliate-groups": {
    expect: adminRoute(200),
    probe: (c) => ({ body: { name: unique(c, "group") } }),
  },
  "GET /admin/affiliate-groups/:id": { expect: adminRoute(200), probe: ({ world }) => ({ id: world.group }) },
  "POST /admin/affiliate-groups/:id": {
    expect: adminRoute(200),
    probe: ({ world }) => ({ id: world.group, body: { messaging_disabled_message: "Write to partners@store.test" } }),
  },
  "DELETE /admin/affiliate-groups/:id": {
    expect: adminRoute(200),
    // admins delete a group of their own; refused callers aim at the shared one
    probe: async (c) => {
      if (!c.allowed) {
        return { id: c.world.group }
      }
      const created = await c.http.post("/admin/affiliate-groups", { name: unique(c, "doomed") }, c.world.admin.headers)
      return { id: created.data.affiliate_group.id }
    },
  },
  "GET /admin/affiliates": { expect: adminRoute(200), probe: () => ({}) },
  "POST /admin/affiliates": {
    expect: adminRoute(200),
    probe: (c) => ({ body: { name: "Created", email: `${unique(c, "created")}@new.test` } }),
  },
  "GET /admin/affiliates/:id": { expect: adminRoute(200), probe: ({ world }) => ({ id: world.affiliates.a }) },
  "POST /admin/affiliates/:id": {
    expect: adminRoute(200),
    probe: ({ world }) => ({ id: world.affiliates.a, body: { manager_id: world.admin.user.id } }),
  },
  "GET /admin/affiliates/:id/members": { expect: adminRoute(200), probe: ({ world }) => ({ id: world.affiliates.a }) },
  "POST /admin/affiliates/:id/invites": {
    expect: adminRoute(200),
    probe: (c) => ({ id: c.world.affiliates.a, body: { email: `${unique(c, "invitee")}@alpha.test` } }),
  },
  "POST /admin/affiliate-broadcasts/preview": {
    expect: adminRoute(200),
    probe: ({ world }) => ({ body: { audience: { affiliate_ids: [world.affiliates.a] } } }),
  },
  "GET /admin/affiliate-broadcasts": { expect: adminRoute(200), probe: () => ({}) },
  "POST /admin/affiliate-broadcasts": {
    // scheduled a day ahead: the matrix's threads get no copy
    expect: adminRoute(202),
    probe: ({ world }) => ({ body: laterBroadcast(world) }),
  },
  "GET /admin/affiliate-broadcasts/:id": {
    expect: adminRoute(200),
    probe: async (c) => ({ id: await broadcastFor(c) }),
  },
  "GET /admin/affiliate-broadcasts/:id/recipients": {
    expect: adminRoute(200),
    probe: async (c) => ({ id: await broadcastFor(c) }),
  },
  "POST /admin/affiliate-broadcasts/:id/cancel": {
    expect: adminRoute(200),
    probe: async (c) => ({ id: await broadcastFor(c), body: {} }),
  },
  "GET /admin/conversations": { expect: adminRoute(200), probe: () => ({}) },
  "POST /admin/conversations": {
    // the team thread exists: New Message appends (200)
    expect: adminRoute(200),
    probe: ({ world }) => ({ body: { affiliate_id: world.affiliates.a, body: "Matrix check" } }),
  },
  "GET /admin/conversations/:id": {
    expect: adminRoute(200),
    probe: ({ world }) => ({ id: world.threads.teamA.conversation }),
  },
  "GET /admin/conversations/:id/messages": {
    expect: adminRoute(200),
    probe: ({ world }) => ({ id: world.threads.teamA.conversation }),
  },
  "POST /admin/conversations/:id/messages": {
    expect: adminRoute(200),
    probe: ({ world }) => ({ id: world.threads.teamA.conversation, body: { body: "Matrix reply" } }),
  },
  "POST /admin/conversations/:id/read": {
    expect: adminRoute(200),
    probe: ({ world }) => ({ id: world.threads.teamA.conversation, body: {} }),
  },
  "POST /admin/conversations/:id/unread": {
    expect: adminRoute(200),
    probe: ({ world }) => ({ id: world.threads.teamA.conversation, body: {} }),
  },
  "POST /admin/messaging/attachments": { expect: adminRoute(200), probe: () => ({ multipart: pngUpload("admin-upload.png") }) },
  "GET /admin/messaging/attachments/:id": {
    expect: adminRoute(200),
    probe: ({ world }) => ({ id: world.threads.teamB.attachment }),
  },
  "GET /admin/messaging/settings": { expect: adminRoute(200), probe: () => ({}) },
  "POST /admin/messaging/settings": { expect: adminRoute(200), probe: () => ({ body: { enabled: true } }) },
  "GET /admin/messaging/inbound-emails": { expect: adminRoute(200), probe: () => ({ query: "status=failed" }) },
  // no inbound email in the seed: an admin gets through to the 404 of an unknown one
  "POST /admin/messaging/inbound-emails/:id/retry": {
    expect: adminRoute(404),
    probe: () => ({ id: "inem_matrix_unknown", body: {} }),
  },
  // reply by email is off in this app (no inboundEmail option): no login opens the webhook;
  // its secret check is in integration-tests/http/reply-by-email.spec.ts
  "POST /hooks/affiliate-messaging/email": {
    expect: Object.fromEntries(CALLERS.map((caller) => [caller, 404])) as Record<Caller, number>,
    probe: () => ({ body: "From: a@b.test\r\n\r\nHi", headers: { "content-type": "message/rfc822" } }),
  },
  "GET /admin/messaging/stream": { expect: adminRoute(200), probe: () => ({}) },

  "POST /store/affiliates": {
    expect: registrationRoute,
    probe: async (c) => {
      const email = `${unique(c, "signup")}@signup.test`
      if (!c.allowed) {
        return { body: { name: "Sign-up", email } }
      }
      // a fresh identity: the shared one must stay unregistered for the other cells
      const token = await registerAffiliateIdentity(c.http, email)
      return {
        body: { name: "Sign-up", email },
        headers: { ...bearer(token), "x-publishable-api-key": c.world.publishableKey },
      }
    },
  },
  "POST /store/affiliates/invites/accept": {
    expect: registrationRoute,
    probe: async (c) => {
      if (!c.allowed) {
        return { body: { token: "a".repeat(64) } }
      }
      const email = `${unique(c, "joiner")}@alpha.test`
      const invite = await c.http.post(`/admin/affiliates/${c.world.affiliates.a}/invites`, { email }, c.world.admin.headers)
      const token = new URL(invite.data.invite.accept_url).searchParams.get("token")
      const registration = await registerAffiliateIdentity(c.http, email)
      return {
        body: { token },
        headers: { ...bearer(registration), "x-publishable-api-key": c.world.publishableKey },
      }
    },
  },
  "GET /store/affiliates/me": {
    expect: memberRoute({ member: 200, otherAffiliate: 200, teammateThread: 200, declined: 200 }),
    probe: () => ({}),
  },
  "POST /store/affiliates/me": {
    expect: memberRoute({ member: 200, otherAffiliate: 200, teammateThread: 200, declined: 200 }),
    probe: () => ({ body: { last_name: "Checked" } }),
  },
  "POST /store/affiliates/me/stream-tickets": {
    expect: memberRoute({ member: 200, otherAffiliate: 200, teammateThread: 200, declined: 200 }),
    probe: () => ({ body: {} }),
  },
  // with the usual headers; tickets have their own cases in the live update specs
  "GET /store/affiliates/me/stream": {
    expect: memberRoute({ member: 200, otherAffiliate: 200, teammateThread: 200, declined: 200 }),
    probe: () => ({}),
  },
  "GET /store/affiliates/me/messaging": {
    expect: memberRoute({ member: 200, otherAffiliate: 200, teammateThread: 200, declined: 200 }),
    probe: () => ({}),
  },
  "POST /store/affiliates/me/attachments": {
    // a declined affiliate is read-only: it cannot send, so it cannot upload either (409)
    expect: memberRoute({ member: 200, otherAffiliate: 200, teammateThread: 200, declined: 409 }),
    probe: () => ({ multipart: pngUpload("member-upload.png") }),
  },
  "GET /store/affiliates/me/attachments/:id": {
    expect: memberRoute({ member: 200, otherAffiliate: 404, teammateThread: 404, declined: 200 }),
    probe: ({ world, caller }) => ({ id: targetOf(world, caller).attachment }),
  },
  "GET /store/affiliates/me/conversations": {
    expect: memberRoute({ member: 200, otherAffiliate: 200, teammateThread: 200, declined: 200 }),
    probe: () => ({}),
  },
  "POST /store/affiliates/me/conversations": {
    // someone else's upload is not sendable: 400, as for any unknown attachment
    expect: memberRoute({ member: 200, otherAffiliate: 400, teammateThread: 400, declined: 409 }),
    probe: ({ world, caller }) => {
      const { unsent } = targetOf(world, caller)
      return { body: { body: "Matrix send", ...(unsent ? { attachment_ids: [unsent] } : {}) } }
    },
  },
  "GET /store/affiliates/me/conversations/:id": {
    expect: memberRoute({ member: 200, otherAffiliate: 404, teammateThread: 404, declined: 200 }),
    probe: ({ world, caller }) => ({ id: targetOf(world, caller).conversation, query: "mark_read=false" }),
  },
  "GET /store/affiliates/me/conversations/:id/messages": {
    expect: memberRoute({ member: 200, otherAffiliate: 404, teammateThread: 404, declined: 200 }),
    probe: ({ world, caller }) => ({ id: targetOf(world, caller).conversation }),
    // a foreign message as the cursor of an own thread
    extra: (["otherAffiliate", "teammateThread"] as const).flatMap((caller) =>
      (["before", "after"] as const).map((cursor) => ({
        caller,
        status: 400,
        probe: ({ world }: Context) => ({
          id: world.threads.teamA.conversation,
          query: `${cursor}=${targetOf(world, caller).message}`,
        }),
      }))
    ),
  },
  "POST /store/affiliates/me/conversations/:id/messages": {
    expect: memberRoute({ member: 200, otherAffiliate: 404, teammateThread: 404, declined: 409 }),
    probe: ({ world, caller }) => ({ id: targetOf(world, caller).conversation, body: { body: "Matrix reply" } }),
  },
  "POST /store/affiliates/me/conversations/:id/read": {
    expect: memberRoute({ member: 200, otherAffiliate: 404, teammateThread: 404, declined: 200 }),
    probe: ({ world, caller }) => ({ id: targetOf(world, caller).conversation, body: {} }),
  },
}
