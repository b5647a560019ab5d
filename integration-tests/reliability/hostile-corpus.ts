import { bearer, registerAffiliateIdentity } from "../helpers/actors"
import { FIXTURES, pngUpload } from "../helpers/fixtures"
import type { HttpClient } from "../helpers/http-client"
import type { UploadPart } from "../helpers/multipart"
import { signUnsubscribeToken, unsubscribeKeys } from "../../src/utils/unsubscribe-token"
import type { RouteRequest } from "./call-route"
import type { RouteKey } from "./route-table"
import type { World } from "./world"

/** What a body field holds, which decides the hostile values it gets. */
type FieldKind = "name" | "text" | "body" | "email" | "emails" | "id" | "ids" | "bool" | "enum" | "json" | "token" | "date"

export type HostileCase = { label: string; status: number; request: RouteRequest }

export type RouteCorpus = {
  /** Who sends it: the hostile part must be the input, never the login. */
  caller: "admin" | "member" | "registration"
  /** A request the route accepts; hostile cases vary one thing of it. */
  template: (world: World) => RouteRequest
  /** The accepted request when the template alone cannot succeed (invites need a fresh token). */
  control?: (world: World, http: HttpClient) => Promise<RouteRequest>
  fields?: Record<string, FieldKind>
  /** Route-specific cases: foreign and unknown ids, duplicates, spoofed files. */
  extra?: (world: World) => HostileCase[]
}

export const INJECTED_BCC = "victim@evil.test"
export const HEADER_INJECTION = `Evil\r\nBcc: ${INJECTED_BCC}`
const EMAIL_INJECTIONS = [
  HEADER_INJECTION,
  `partner@shop.test\r\nBcc: ${INJECTED_BCC}`,
  `partner@shop.test\nBcc: ${INJECTED_BCC}`,
  `partner@shop.test, ${INJECTED_BCC}`,
  `"Evil" <${INJECTED_BCC}>`,
]

const DEPTH = 10_000
/**
 * Stands for `{"a":{"a":…}}` 10,000 levels deep inside a value; `hostileCases`
 * splices the raw JSON in, as JSON.stringify itself overflows the stack there.
 */
const DEEP = "@@nested-10000-levels@@"
const deepObjectJson = `${'{"a":'.repeat(DEPTH)}"bottom"${"}".repeat(DEPTH)}`
const deepArrayJson = `${"[".repeat(DEPTH)}${"]".repeat(DEPTH)}`
/** 10 MB of JSON: far over Medusa's 100 KB body limit. */
const hugeJson = () => JSON.stringify({ body: "x".repeat(10 * 1024 * 1024) })

const LONE_SURROGATES = ["ok\ud800", "\udc00ok", "a\udfffb\ud83d"]

/** Values of each kind that must be refused with 400. */
const HOSTILE_VALUES: Record<FieldKind, [string, unknown][]> = {
  name: [
    ["a number", 42],
    ["an operator object", { $ne: null }],
    ["a NUL byte", "Evil\u0000Corp"],
    ...LONE_SURROGATES.map((value): [string, unknown] => ["a lone surrogate", value]),
    ["CRLF with a Bcc header", HEADER_INJECTION],
    ["a bare LF", "Evil\nCorp"],
    ["a Unicode line separator", "Evil\u2028Corp"],
    ["a C1 next-line control", "Evil\u0085Corp"],
    ["an RTL override", "Evil\u202eproC"],
    ["100,000 characters", "x".repeat(100_000)],
    ["10,000 levels of nesting", DEEP],
  ],
  text: [
    ["a number", 42],
    ["a NUL byte", "Write \u0000 us"],
    ...LONE_SURROGATES.map((value): [string, unknown] => ["a lone surrogate", value]),
    ["a bell control", "Write\u0007us"],
    ["100,000 characters", "x".repeat(100_000)],
    ["10,000 levels of nesting", DEEP],
  ],
  body: [
    ["a number", 42],
    ["null", null],
    ["an array", ["Hello"]],
    ["nothing but spaces", "   \n\t  "],
    ["a NUL byte", "Hello\u0000world"],
    ...LONE_SURROGATES.map((value): [string, unknown] => ["a lone surrogate", value]),
    ["a bell control", "Hello\u0007"],
    ["a C1 control", "Hello\u009b31m"],
    ["an escape sequence", "Hello\u001b[31m red"],
    ["10,001 characters", "x".repeat(10_001)],
    ["10,001 emoji (code points, not UTF-16 units)", "😀".repeat(10_001)],
    ["10,000 levels of nesting", DEEP],
  ],
  email: [
    ["a number", 42],
    ...EMAIL_INJECTIONS.map((value): [string, unknown] => ["a header injection", value]),
    ["a NUL byte", "partner@shop.test\u0000"],
    ["a lone surrogate", "part\ud800ner@shop.test"],
    ["no @", "partner.shop.test"],
    ["300 characters", `${"a".repeat(290)}@shop.test`],
    ["10,000 levels of nesting", DEEP],
  ],
  emails: [
    ["a string instead of a list", "partner@shop.test"],
    ...EMAIL_INJECTIONS.map((value): [string, unknown] => ["a header injection", [value]]),
    ["a NUL byte", ["partner@shop.test\u0000"]],
    ["21 addresses", Array.from({ length: 21 }, (_, i) => `ops${i}@shop.test`)],
    ["10,000 levels of nesting", [DEEP]],
  ],
  id: [
    ["a number", 42],
    ["an operator object", { $gt: "" }],
    ["a NUL byte", "aff_\u0000"],
    ["a lone surrogate", "aff_\ud800"],
    ["SQL", "' OR '1'='1"],
    ["a LIKE wildcard", "aff_%"],
    ["65 characters", `aff_${"x".repeat(61)}`],
    ["10,000 levels of nesting", DEEP],
  ],
  ids: [
    ["a string instead of a list", "matt_1"],
    ["11 attachments", Array.from({ length: 11 }, (_, i) => `matt_${i}`)],
    ["the same attachment twice", ["matt_same", "matt_same"]],
    ["a NUL byte", ["matt_\u0000"]],
    ["SQL", ["' OR '1'='1"]],
    ["10,000 levels of nesting", DEEP],
  ],
  bool: [
    ["a string", "true"],
    ["a number", 1],
    ["null", null],
  ],
  enum: [
    ["an unknown value", "superadmin"],
    ["a number", 7],
    ["a NUL byte", "active\u0000"],
  ],
  json: [
    ["a string", "notes"],
    ["a NUL byte in a value", { note: "a\u0000b" }],
    ["a NUL byte in a key", { "no\u0000te": "x" }],
    ["a lone surrogate in a value", { note: "a\ud800" }],
    ["a lone surrogate in a key", { ["no\udc00te"]: "x" }],
    ["10,000 levels of nesting", { deep: DEEP }],
  ],
  date: [
    ["a number", 42],
    ["not a date", "next friday"],
    ["a NUL byte", "2030-01-01T00:00:00Z\u0000"],
    ["an operator object", { $gt: "" }],
  ],
  token: [
    ["a number", 42],
    ["a NUL byte", "token\u0000"],
    ["a lone surrogate", "token\ud800"],
    ["201 characters", "t".repeat(201)],
    ["10,000 levels of nesting", DEEP],
  ],
}

/** Ids in the URL that no route may choke on. */
const HOSTILE_PATH_IDS: [string, string][] = [
  ["a NUL byte", "conv_\u0000"],
  ["5,000 characters", `conv_${"x".repeat(5_000)}`],
  ["a path traversal", "../../admin/users"],
  ["SQL", "' OR '1'='1"],
  ["an emoji", "conv_😀"],
  ["a LIKE wildcard", "%"],
]

/**
 * Raw percent-encodings express itself cannot decode (a lone surrogate can
 * only reach a URL this way). Store routes only: under /admin, Medusa's own
 * `/admin*` middleware decodes the path before any plugin code and answers
 * 500 (see the suite's "Medusa limitation" test).
 */
export const UNDECODABLE_PATH_IDS: [string, string][] = [
  ["a lone surrogate as UTF-8", "%ED%A0%80"],
  ["invalid UTF-8", "%C3%28"],
  ["a broken escape", "%E0%A4%A"],
]


/** Spoofed and malformed uploads of both sides: the type is sniffed, never trusted. */
const spoofedUploads = (): HostileCase[] =>
  [
    ["an ELF executable named .png", [{ filename: "avatar.png", contentType: "image/png", content: FIXTURES.elf }], 415],
    ["an HTML page named .png", [{ filename: "avatar.png", contentType: "image/png", content: FIXTURES.html }], 415],
    [
      "an SVG with a script named .png",
      [{ filename: "logo.png", contentType: "image/png", content: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>') }],
      415,
    ],
    ["a Windows executable named .pdf", [{ filename: "terms.pdf", contentType: "application/pdf", content: Buffer.concat([Buffer.from("MZ"), Buffer.alloc(200, 0x90)]) }], 415],
    [
      "an executable whose name injects a header and walks up folders",
      [{ filename: "../../etc/passwd\r\nX-Evil: 1.png", contentType: "image/png", content: FIXTURES.elf }],
      415,
    ],
    // the extension must be one of the sniffed type's: 415 naming the allowed ones
    ["a text file whose bidi override makes it read payout_ath.pdf", [{ filename: "payout_\u202Efdp.hta", content: FIXTURES.txt }], 415],
    ["a text file named .exe behind a right-to-left isolate", [{ filename: "invoice\u2067gpj.exe\u2069.txt.exe", content: FIXTURES.txt }], 415],
    ["a PNG named .pdf", [{ filename: "terms.pdf", content: FIXTURES.png }], 415],
    ["a PDF named .png", [{ filename: "photo.png", content: FIXTURES.pdf }], 415],
    ["a valid image in the wrong field", [{ field: "avatar", filename: "ok.png", content: FIXTURES.png }], 400],
    ["eleven files", Array.from({ length: 11 }, (_, i) => ({ filename: `f${i}.png`, content: FIXTURES.png })), 400],
  ].map(([label, multipart, status]) => ({ label: label as string, status: status as number, request: { multipart: multipart as UploadPart[] } }))

const notMultipart: HostileCase = { label: "JSON instead of multipart", status: 400, request: { body: { files: ["x"] } } }

/** The link the app emails member `memberId`, signed with the test app's JWT secret (medusa-config.ts). */
const unsubscribeQuery = (memberId: string) =>
  `token=${encodeURIComponent(
    signUnsubscribeToken(unsubscribeKeys({ projectConfig: { http: { jwtSecret: process.env.JWT_SECRET || "supersecret" } } } as any), memberId)
  )}`

/** A date no test reaches: broadcasts scheduled then never start sending. */
const FAR_AHEAD = "2099-01-01T00:00:00.000Z"

/** Broken audiences of a broadcast route, `wrap` making the route's body around each. */
function audienceCases(w: World, wrap: (audience: unknown) => Record<string, unknown>): HostileCase[] {
  return [
    ["an empty audience", {}],
    ["only empty lists", { group_ids: [], affiliate_ids: [] }],
    ["an unknown audience key", { affiliate_ids: [w.affiliates.a], is_admin: true }],
    ["a status the owner cannot write to", { statuses: ["suspended"] }],
    ["an unknown status", { statuses: ["superadmin"] }],
    ["an operator object as ids", { affiliate_ids: { $ne: null } }],
    ["SQL as an id", { group_ids: ["' OR '1'='1"] }],
    ["a NUL byte in an id", { manager_ids: ["user_\u0000"] }],
    ["a string instead of a list", { affiliate_ids: w.affiliates.a }],
  ].map(([label, audience]) => ({ label: `audience: ${label as string}`, status: 400, request: { body: wrap(audience) } }))
}

/**
 * Write routes whose hostile input is proven by another spec, because this
 * suite's app runs without what they need (reply by email is off here, so
 * the webhook answers 404 and no inbound email can fail). Each names where.
 */
export const HOSTILE_INPUT_TESTED_ELSEWHERE: Record<string, string> = {
  "POST /hooks/affiliate-messaging/email":
    "integration-tests/http/reply-by-email.spec.ts: no or a wrong secret 401 in every format, a bad Mailgun signature 401, past maxBytes 413 (from Content-Length and while streaming), nothing stored",
  "POST /admin/messaging/inbound-emails/:id/retry":
    "integration-tests/http/reply-by-email.spec.ts: an email that did not fail 409, an unknown id 404, a member 401; its body is the shared EmptyBody validator (unknown fields 400)",
}

export const HOSTILE_CORPUS: Record<string, RouteCorpus> = {
  "POST /store/affiliates/me/stream-tickets": {
    caller: "member",
    template: () => ({ body: {} }),
  },
  "POST /hooks/affiliate-messaging/unsubscribe": {
    // the login is ignored: the signed link is the credential
    caller: "member",
    template: (w) => ({ query: unsubscribeQuery(w.members.d1.member_id), body: { "List-Unsubscribe": "One-Click" } }),
    fields: { "List-Unsubscribe": "enum" },
    extra: (w) => {
      const valid = unsubscribeQuery(w.members.d1.member_id)
      const body = { "List-Unsubscribe": "One-Click" }
      return [
        { label: "no token", status: 400, request: { body } },
        { label: "a forged signature", status: 400, request: { body, query: `token=${w.members.d1.member_id}.${"A".repeat(43)}` } },
        { label: "another member's id under this signature", status: 400, request: { body, query: valid.replace(w.members.d1.member_id, w.members.a1.member_id) } },
        { label: "an unknown query field", status: 400, request: { body, query: `${valid}&member_id=${w.members.a1.member_id}` } },
        { label: "a 10,000-character token", status: 400, request: { body, query: `token=${"a".repeat(10_000)}` } },
        { label: "a token with CRLF", status: 400, request: { body, query: `token=${encodeURIComponent("x\r\nBcc: a@b.c")}` } },
      ]
    },
  },
  "POST /admin/affiliate-groups": {
    caller: "admin",
    template: (w) => ({ body: { name: `Hostile control ${w.run}` } }),
    fields: { name: "name", messaging_enabled: "bool", messaging_disabled_message: "text", metadata: "json" },
  },
  "POST /admin/affiliate-groups/:id": {
    caller: "admin",
    template: (w) => ({ id: w.group, body: { messaging_disabled_message: "Write to partners@shop.test" } }),
    fields: { name: "name", messaging_enabled: "bool", messaging_disabled_message: "text", metadata: "json" },
    extra: () => [{ label: "an unknown group", status: 404, request: { id: "affgrp_unknown", body: { name: "x" } } }],
  },
  "DELETE /admin/affiliate-groups/:id": {
    caller: "admin",
    template: (w) => ({ id: w.group }),
    extra: () => [{ label: "an unknown group", status: 404, request: { id: "affgrp_unknown" } }],
  },
  "POST /admin/affiliates": {
    caller: "admin",
    template: (w) => ({ body: { name: "Hostile control", email: `control-${w.run}@new.test` } }),
    fields: { name: "name", email: "email", status: "enum", group_id: "id", manager_id: "id", metadata: "json" },
    extra: (w) => [
      { label: "an email already used", status: 422, request: { body: { name: "Copy", email: `b1-${w.run}@bravo.test` } } },
      // a reference in the body that does not exist is invalid data (400), as admin-affiliates.spec states
      { label: "an unknown group", status: 400, request: { body: { name: "X", email: `x-${w.run}@new.test`, group_id: "affgrp_unknown" } } },
      { label: "an unknown manager", status: 400, request: { body: { name: "X", email: `x-${w.run}@new.test`, manager_id: "user_unknown" } } },
    ],
  },
  "POST /admin/affiliates/:id": {
    caller: "admin",
    template: (w) => ({ id: w.affiliates.a, body: { name: "Alpha renamed" } }),
    fields: { name: "name", email: "email", status: "enum", group_id: "id", manager_id: "id", metadata: "json" },
    extra: (w) => [
      { label: "an unknown affiliate", status: 404, request: { id: "aff_unknown", body: { name: "x" } } },
      { label: "team B's email", status: 422, request: { id: w.affiliates.a, body: { email: `b1-${w.run}@bravo.test` } } },
    ],
  },
  "POST /admin/affiliates/:id/invites": {
    caller: "admin",
    template: (w) => ({ id: w.affiliates.a, body: { email: `invitee-${w.run}@alpha.test` } }),
    fields: { email: "email" },
    extra: (w) => [
      { label: "an unknown affiliate", status: 404, request: { id: "aff_unknown", body: { email: "x@shop.test" } } },
      { label: "a suspended affiliate", status: 409, request: { id: w.affiliates.s, body: { email: "x@shop.test" } } },
      { label: "a declined affiliate", status: 409, request: { id: w.affiliates.d, body: { email: "x@shop.test" } } },
    ],
  },
  "POST /admin/affiliate-broadcasts/preview": {
    caller: "admin",
    template: (w) => ({ body: { audience: { affiliate_ids: [w.affiliates.a] } } }),
    fields: { audience: "json" },
    extra: (w) => audienceCases(w, (audience) => ({ audience })),
  },
  "POST /admin/affiliate-broadcasts": {
    caller: "admin",
    // scheduled far ahead: the control request must not start sending
    template: (w) => ({ body: { body: "Hostile control {{affiliate.name}}", audience: { affiliate_ids: [w.affiliates.a] }, scheduled_at: FAR_AHEAD } }),
    fields: { body: "body", attachment_ids: "ids", audience: "json", scheduled_at: "date" },
    extra: (w) => [
      ...audienceCases(w, (audience) => ({ body: "Hi", audience, scheduled_at: FAR_AHEAD })),
      ...[
        ["an unknown merge tag", "Hi {{affiliate.email}}"],
        ["an unknown merge tag with spaces", "Hi {{ affiliate.password }}"],
        ["a prototype key as a merge tag", "Hi {{__proto__}}"],
        ["a constructor key as a merge tag", "Hi {{constructor}}"],
      ].map(([label, body]): HostileCase => ({ label, status: 400, request: { body: { body, audience: { affiliate_ids: [w.affiliates.a] }, scheduled_at: FAR_AHEAD } } })),
      { label: "a member's upload", status: 400, request: { body: { body: "Hi", attachment_ids: [w.unsent.b1], audience: { affiliate_ids: [w.affiliates.a] }, scheduled_at: FAR_AHEAD } } },
      { label: "an attachment already sent", status: 400, request: { body: { body: "Hi", attachment_ids: [w.threads.teamA.attachment], audience: { affiliate_ids: [w.affiliates.a] }, scheduled_at: FAR_AHEAD } } },
      { label: "no body and no attachment", status: 400, request: { body: { body: "", audience: { affiliate_ids: [w.affiliates.a] }, scheduled_at: FAR_AHEAD } } },
    ],
  },
  "POST /admin/affiliate-broadcasts/:id/cancel": {
    caller: "admin",
    template: () => ({ id: "bcast_unknown", body: {} }),
    control: async (w, http) => {
      const scheduled = await http.post(
        "/admin/affiliate-broadcasts",
        { body: "To be cancelled", audience: { affiliate_ids: [w.affiliates.a] }, scheduled_at: FAR_AHEAD },
        w.admin.headers
      )
      return { id: scheduled.data.broadcast.id, body: {} }
    },
    extra: () => [{ label: "an unknown broadcast", status: 404, request: { id: "bcast_unknown", body: {} } }],
  },
  "POST /admin/conversations": {
    caller: "admin",
    template: (w) => ({ body: { affiliate_id: w.affiliates.a, body: "Hostile control" } }),
    fields: { affiliate_id: "id", member_id: "id", body: "body", attachment_ids: "ids" },
    extra: (w) => [
      { label: "an unknown affiliate", status: 404, request: { body: { affiliate_id: "aff_unknown", body: "Hi" } } },
      { label: "team B's member in team A", status: 400, request: { body: { affiliate_id: w.affiliates.a, member_id: w.members.b1.member_id, body: "Hi" } } },
      { label: "a member's upload", status: 400, request: { body: { affiliate_id: w.affiliates.a, body: "Hi", attachment_ids: [w.unsent.b1] } } },
      { label: "an attachment already sent", status: 400, request: { body: { affiliate_id: w.affiliates.a, body: "Hi", attachment_ids: [w.threads.teamA.attachment] } } },
      { label: "a suspended affiliate", status: 409, request: { body: { affiliate_id: w.affiliates.s, body: "Hi" } } },
    ],
  },
  "POST /admin/conversations/:id/messages": {
    caller: "admin",
    template: (w) => ({ id: w.threads.teamA.conversation, body: { body: "Hostile control" } }),
    fields: { body: "body", attachment_ids: "ids" },
    extra: (w) => [
      { label: "an unknown conversation", status: 404, request: { id: "conv_unknown", body: { body: "Hi" } } },
      { label: "a declined affiliate's thread", status: 409, request: { id: w.threads.teamD.conversation, body: { body: "Hi" } } },
    ],
  },
  "POST /admin/conversations/:id/read": {
    caller: "admin",
    template: (w) => ({ id: w.threads.teamA.conversation, body: {} }),
    extra: () => [{ label: "an unknown conversation", status: 404, request: { id: "conv_unknown", body: {} } }],
  },
  "POST /admin/conversations/:id/unread": {
    caller: "admin",
    template: (w) => ({ id: w.threads.teamA.conversation, body: {} }),
    extra: () => [{ label: "an unknown conversation", status: 404, request: { id: "conv_unknown", body: {} } }],
  },
  "POST /admin/messaging/attachments": {
    caller: "admin",
    template: () => ({ multipart: pngUpload("control.png") }),
    extra: () => [...spoofedUploads(), notMultipart],
  },
  "POST /admin/messaging/settings": {
    caller: "admin",
    template: () => ({ body: { enabled: true, notification_emails: ["ops@shop.test"] } }),
    fields: { enabled: "bool", notification_emails: "emails" },
  },
  "POST /store/affiliates": {
    caller: "registration",
    template: (w) => ({ body: { name: "Hostile Co", email: `newcomer-${w.run}@signup.test` } }),
    fields: { name: "name", email: "email", first_name: "name", last_name: "name" },
    extra: (w) => [
      // the body's email must be the login's own: anything else is an impostor, whether taken or not
      { label: "team B's email", status: 400, request: { body: { name: "Copy", email: `b1-${w.run}@bravo.test` } } },
      {
        label: "an impostor's sign-up (logged in as x@evil.test, body partners@bigbrand.com)",
        status: 400,
        request: {
          body: { name: "Big Brand", email: "partners@bigbrand.com" },
          headers: { ...bearer(w.impostorRegistrationToken), "x-publishable-api-key": w.publishableKey },
        },
      },
    ],
  },
  "POST /store/affiliates/invites/accept": {
    caller: "registration",
    template: () => ({ body: { token: "a".repeat(43) } }),
    control: async (w, http) => {
      const email = `joiner-${w.run}@alpha.test`
      const invite = await http.post(`/admin/affiliates/${w.affiliates.a}/invites`, { email }, w.admin.headers)
      const token = new URL(invite.data.invite.accept_url).searchParams.get("token")
      const registration = await registerAffiliateIdentity(http, email)
      return { body: { token }, headers: { ...bearer(registration), "x-publishable-api-key": w.publishableKey } }
    },
    fields: { token: "token", first_name: "name", last_name: "name" },
    extra: () => [{ label: "an unknown token", status: 404, request: { body: { token: "b".repeat(43) } } }],
  },
  "POST /store/affiliates/me": {
    caller: "member",
    template: () => ({ body: { first_name: "Ann" } }),
    fields: { first_name: "name", last_name: "name", email_notifications: "bool" },
  },
  "POST /store/affiliates/me/attachments": {
    caller: "member",
    template: () => ({ multipart: pngUpload("control.png") }),
    extra: () => [...spoofedUploads(), notMultipart],
  },
  "POST /store/affiliates/me/conversations": {
    caller: "member",
    template: () => ({ body: { body: "Hostile control" } }),
    fields: { body: "body", attachment_ids: "ids", audience: "enum" },
    extra: (w) => [
      { label: "team B's upload", status: 400, request: { body: { body: "Hi", attachment_ids: [w.unsent.b1] } } },
      { label: "a teammate's upload", status: 400, request: { body: { body: "Hi", attachment_ids: [w.unsent.a2] } } },
      { label: "the owner's sent attachment", status: 400, request: { body: { body: "Hi", attachment_ids: [w.threads.teamA.attachment] } } },
    ],
  },
  "POST /store/affiliates/me/conversations/:id/messages": {
    caller: "member",
    template: (w) => ({ id: w.threads.teamA.conversation, body: { body: "Hostile control" } }),
    fields: { body: "body", attachment_ids: "ids" },
    extra: (w) => [
      { label: "team B's conversation", status: 404, request: { id: w.threads.teamB.conversation, body: { body: "Hi" } } },
      { label: "a teammate's member thread", status: 404, request: { id: w.threads.threadA2.conversation, body: { body: "Hi" } } },
    ],
  },
  "POST /store/affiliates/me/conversations/:id/read": {
    caller: "member",
    template: (w) => ({ id: w.threads.teamA.conversation, body: {} }),
    extra: (w) => [
      { label: "team B's conversation", status: 404, request: { id: w.threads.teamB.conversation, body: {} } },
    ],
  },
}

/** Every hostile request of a route: the body as a whole, each field, the id in the URL, the route's own cases. */
export function hostileCases(route: RouteKey, corpus: RouteCorpus, world: World): HostileCase[] {
  const template = corpus.template(world)
  const cases: HostileCase[] = []
  const hasJsonBody = !route.startsWith("DELETE ") && !template.multipart
  if (hasJsonBody) {
    const body = template.body as Record<string, unknown>
    const raw = (label: string, json: string, status = 400) => cases.push({ label, status, request: { ...template, body: json } })
    const withField = (field: string, value: unknown) =>
      JSON.stringify({ ...body, [field]: value }).replace(JSON.stringify(DEEP), deepObjectJson)
    cases.push({ label: "a list instead of an object", status: 400, request: { ...template, body: [body] } })
    raw("a bare string", '"hello"')
    raw("null", "null")
    raw("truncated JSON", '{"name": "tru')
    raw("a __proto__ key", JSON.stringify(body).replace(/^\{/, '{"__proto__":{"polluted":"yes"},'))
    raw("a constructor.prototype key", JSON.stringify(body).replace(/^\{/, '{"constructor":{"prototype":{"polluted":"yes"}},'))
    raw("10 MB of JSON", hugeJson(), 413)
    raw("an object 10,000 levels deep", deepObjectJson)
    raw("a list 10,000 levels deep", deepArrayJson)
    cases.push({ label: "an unknown field", status: 400, request: { ...template, body: { ...body, is_admin: true } } })
    for (const [field, kind] of Object.entries(corpus.fields ?? {})) {
      for (const [what, value] of HOSTILE_VALUES[kind]) {
        raw(`${field}: ${what}`, withField(field, value))
      }
    }
  }
  if (template.id !== undefined) {
    for (const [what, id] of HOSTILE_PATH_IDS) {
      cases.push({ label: `id in the URL: ${what}`, status: 404, request: { ...template, id } })
    }
    for (const [what, encoded] of route.includes(" /store/") ? UNDECODABLE_PATH_IDS : []) {
      cases.push({ label: `id in the URL: ${what}`, status: 400, request: { ...template, id: undefined, rawId: encoded } })
    }
  }
  return [...cases, ...(corpus.extra?.(world) ?? [])]
}
