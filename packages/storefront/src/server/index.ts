import { createAffiliateMessagingClient } from "../client/index.js"

/**
 * For a storefront's server (Next.js route handlers, Remix, SvelteKit, Hono:
 * anything with web-standard Request and Response): keeps the member's
 * token out of the browser. The browser's client talks to
 * `<your route>/store/affiliates/me/…` on the storefront; this handler
 * forwards the call to Medusa with the publishable key and the token read
 * from an httpOnly cookie, and streams the answer back (uploads, downloads
 * and `Range` included).
 */
export type AffiliateServerOptions = {
  /** The Medusa backend; default: `MEDUSA_BACKEND_URL` from the environment, as in Medusa's Next.js starter. */
  backendUrl?: string
  /** Default: `NEXT_PUBLIC_MEDUSA_PUBLISHABLE_KEY` from the environment, as in the starter. */
  publishableKey?: string
  /** The httpOnly cookie holding the member's token; default `affiliate_token`. */
  cookieName?: string
  /** The cookie's `Secure` flag; default: on when `NODE_ENV` is production. */
  secure?: boolean
  fetch?: typeof fetch
}

export const DEFAULT_TOKEN_COOKIE = "affiliate_token"

// only the member's own routes: the proxy adds nothing a member could not do with its token
const MEMBER_ROUTES = /\/store\/affiliates\/me(\/.*)?$/
// last-event-id: a live stream resumes where it left off (client.subscribe)
const REQUEST_HEADERS = ["accept", "content-type", "range", "if-range", "last-event-id"]
const RESPONSE_HEADERS = [
  "content-type",
  "content-disposition",
  "content-range",
  "accept-ranges",
  "retry-after",
  "x-content-type-options",
  "cache-control",
  "x-accel-buffering",
]

// Node's, without requiring its types from storefronts
declare const process: { env: Record<string, string | undefined> } | undefined

/** Read when a request comes, not at import: a build (`next build`) may run without the environment. */
function resolve(options: AffiliateServerOptions) {
  const env = typeof process === "undefined" ? {} : process.env
  const backendUrl = options.backendUrl ?? env.MEDUSA_BACKEND_URL
  const publishableKey = options.publishableKey ?? env.NEXT_PUBLIC_MEDUSA_PUBLISHABLE_KEY
  if (!backendUrl || !publishableKey) {
    throw new Error("Set backendUrl and publishableKey (or MEDUSA_BACKEND_URL and NEXT_PUBLIC_MEDUSA_PUBLISHABLE_KEY)")
  }
  return {
    backendUrl: backendUrl.replace(/\/+$/, ""),
    publishableKey,
    cookieName: options.cookieName ?? DEFAULT_TOKEN_COOKIE,
    secure: options.secure ?? env.NODE_ENV === "production",
    fetch: options.fetch ?? fetch,
  }
}

/** A cookie as frameworks set it: Next.js `cookies().set(cookie)`, or the fields of a `Set-Cookie` header. */
export type AffiliateTokenCookie = {
  name: string
  value: string
  httpOnly: true
  sameSite: "lax"
  secure: boolean
  path: "/"
  maxAge: number
}

/**
 * Logs a member in on the storefront's server and returns its token as an
 * httpOnly cookie for this storefront, e.g. in a Next.js server action:
 * `(await cookies()).set(await affiliateLogin({ email, password }))`.
 * Wrong credentials throw an `AffiliateMessagingError` (401).
 */
export async function affiliateLogin(
  credentials: { email: string; password: string },
  options: AffiliateServerOptions = {}
): Promise<AffiliateTokenCookie> {
  const config = resolve(options)
  const client = createAffiliateMessagingClient({
    baseUrl: config.backendUrl,
    publishableKey: config.publishableKey,
    fetch: config.fetch,
  })
  const token = await client.auth.login(credentials)
  // Medusa's tokens last a day by default (projectConfig.http.jwtExpiresIn)
  return { name: config.cookieName, value: token, httpOnly: true, sameSite: "lax", secure: config.secure, path: "/", maxAge: 86_400 }
}

const refusal = (status: number, type: string, message: string) =>
  Response.json({ type, message }, { status })

function readCookie(header: string | null, name: string): string | null {
  for (const pair of (header ?? "").split(";")) {
    const [key, ...value] = pair.trim().split("=")
    if (key === name) return decodeURIComponent(value.join("="))
  }
  return null
}

/** Route handlers (`GET`, `POST`) for a catch-all route such as `app/api/affiliate/[...path]/route.ts`. */
export function affiliateMessagingProxy(options: AffiliateServerOptions = {}) {
  const handle = async (request: Request): Promise<Response> => {
    const { backendUrl, publishableKey, cookieName, fetch: fetchImpl } = resolve(options)
    const url = new URL(request.url)
    const route = MEMBER_ROUTES.exec(url.pathname)
    if (!route) {
      return refusal(404, "not_found", "Only /store/affiliates/me routes are forwarded")
    }
    const token = readCookie(request.headers.get("cookie"), cookieName)
    if (!token) {
      return refusal(401, "unauthorized", "Not logged in")
    }
    const headers = new Headers({ "x-publishable-api-key": publishableKey, authorization: `Bearer ${token}` })
    for (const name of REQUEST_HEADERS) {
      const value = request.headers.get(name)
      if (value) headers.set(name, value)
    }
    const hasBody = request.method !== "GET" && request.method !== "HEAD"
    const upstream = await fetchImpl(`${backendUrl}${route[0]}${url.search}`, {
      method: request.method,
      headers,
      body: hasBody ? request.body : undefined,
      // a streamed request body (uploads) needs this in Node's fetch
      ...(hasBody ? { duplex: "half" } : {}),
      redirect: "manual",
      signal: request.signal,
    } as RequestInit)

    const answer = new Headers()
    for (const name of RESPONSE_HEADERS) {
      const value = upstream.headers.get(name)
      if (value) answer.set(name, value)
    }
    // fetch has already decompressed an encoded body: its length is only right when it was not encoded
    const length = upstream.headers.get("content-length")
    if (length && !upstream.headers.get("content-encoding")) answer.set("content-length", length)
    return new Response(upstream.body, { status: upstream.status, headers: answer })
  }

  return { GET: handle, POST: handle }
}
