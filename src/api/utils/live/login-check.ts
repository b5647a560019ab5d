import type { MedusaRequest } from "@medusajs/framework/http"

/**
 * What tells an open stream that the login it was opened with has ended:
 * the session (destroyed at logout, `DELETE /auth/session`), or the bearer
 * token's expiry (a JWT cannot be revoked; Medusa refuses it from then on).
 */
export type LoginBinding = { session_id: string | null; expires_at: Date | null }

type SessionStore = { get(id: string, callback: (error: unknown, session?: { auth_context?: unknown } | null) => void): void }
type AuthedRequest = MedusaRequest & {
  auth_context?: { exp?: number }
  session?: { auth_context?: unknown }
  sessionID?: string
  sessionStore?: SessionStore
}

/** The login of an authenticated request. */
export function loginBindingOf(req: MedusaRequest): LoginBinding {
  const authed = req as AuthedRequest
  if (authed.session?.auth_context && authed.sessionID) {
    return { session_id: authed.sessionID, expires_at: null }
  }
  const exp = authed.auth_context?.exp
  return { session_id: null, expires_at: exp ? new Date(exp * 1000) : null }
}

/** Whether the login still holds; a session store that fails to answer is not a logout. */
export function loginHolds(req: MedusaRequest, binding: LoginBinding): Promise<boolean> {
  if (binding.expires_at && binding.expires_at.getTime() <= Date.now()) {
    return Promise.resolve(false)
  }
  const store = (req as AuthedRequest).sessionStore
  if (!binding.session_id || !store) {
    return Promise.resolve(true)
  }
  return new Promise((resolve) =>
    store.get(binding.session_id!, (error, session) => resolve(error ? true : Boolean(session?.auth_context)))
  )
}
