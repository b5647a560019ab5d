import {
  authenticate,
  type AuthContext,
  type MedusaNextFunction,
  type MedusaRequest,
  type MedusaResponse,
} from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { LRUCache } from "lru-cache"

type AuthType = "session" | "bearer" | "api-key"
type TokenClaims = AuthContext & { exp?: number }

/** Enough for every affiliate signed in at once in a large program; ~1 KB each at most. */
const REMEMBERED_TOKENS = 2_000

/**
 * Steps around Medusa: the cost of its bearer-token verification.
 *
 * What: Medusa's `authenticate`, remembering the bearer tokens it has
 * accepted until each one expires.
 * Why: Medusa passes `http.jwtSecret` to `jsonwebtoken` as a string on every
 * request (2.19 to 2.21.2), and `jsonwebtoken` first tries to parse a string
 * secret as a PEM public key; that failure costs ~450 µs of CPU per
 * request (9 µs with a key object): the largest cost of the Messages badge,
 * which every signed-in affiliate's storefront polls, and a fifth of an
 * admin inbox page read with a bearer token.
 * Guard: authenticate-with-token-cache.spec.ts fails when Medusa no longer
 * makes jsonwebtoken parse the secret per request.
 * Remove when: Medusa verifies with a `KeyObject` made once; then use its
 * `authenticate` directly.
 *
 * A token's signature and claims never change, so a token Medusa accepted
 * stays acceptable until its `exp`. A token seen for the first time, a
 * session, a secret API key (Basic auth) or a token Medusa refused all
 * still go through Medusa. Never remembered: tokens without `exp`, MFA
 * contexts (their checks depend on the time) and, when the project sets
 * `http.jwtVerifyOptions.maxAge`, any token.
 *
 * @example
 * { matcher: "/store/affiliates/me*", middlewares: [authenticateWithTokenCache("affiliate", ["session", "bearer"])] }
 * { matcher: "/admin/conversations*", middlewares: [authenticateWithTokenCache("user", ["bearer", "session", "api-key"])] }
 */
export function authenticateWithTokenCache(actorType: string, authTypes: AuthType[]) {
  const medusaAuthenticate = authenticate(actorType, authTypes)
  const accepted = new LRUCache<string, TokenClaims>({ max: REMEMBERED_TOKENS })
  let maxAgeConfigured: boolean | undefined

  return (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => {
    maxAgeConfigured ??= hasMaxAge(req)
    const token = authTypes.includes("bearer") && !hasSession(req) && !maxAgeConfigured
      ? bearerToken(req.headers.authorization)
      : undefined
    if (!token) {
      return medusaAuthenticate(req, res, next)
    }
    const known = accepted.get(token)
    if (known) {
      ;(req as MedusaRequest & { auth_context: AuthContext }).auth_context = { ...known }
      return next()
    }
    return medusaAuthenticate(req, res, (error?: unknown) => {
      const claims = (req as MedusaRequest & { auth_context?: TokenClaims }).auth_context
      const ttl = claims?.exp ? claims.exp * 1000 - Date.now() : 0
      if (!error && claims?.actor_id && !claims.mfa_enabled && ttl > 0) {
        accepted.set(token, { ...claims }, { ttl })
      }
      next(error)
    })
  }
}

function hasSession(req: MedusaRequest): boolean {
  return Boolean((req as MedusaRequest & { session?: { auth_context?: unknown } }).session?.auth_context)
}

function hasMaxAge(req: MedusaRequest): boolean {
  const { http } = req.scope.resolve(ContainerRegistrationKeys.CONFIG_MODULE).projectConfig
  const options = (http.jwtVerifyOptions ?? http.jwtOptions) as { maxAge?: unknown } | undefined
  return options?.maxAge !== undefined
}

/** The token of an `Authorization: Bearer <token>` header, read as Medusa reads it. */
function bearerToken(header: string | undefined): string | undefined {
  const match = header?.match(/(\S+)\s+(\S+)/)
  return match && match[1].toLowerCase() === "bearer" ? match[2] : undefined
}
