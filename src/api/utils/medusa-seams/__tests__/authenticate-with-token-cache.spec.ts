import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import crypto from "crypto"
import { sign } from "jsonwebtoken"
import { authenticateWithTokenCache } from "../authenticate-with-token-cache"

type Http = { jwtSecret: string; jwtVerifyOptions?: { maxAge?: string } }
type Outcome = { status: number; auth_context?: Record<string, unknown> }
type Middleware = (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => unknown

/**
 * Drives the middleware with Medusa's real `authenticate` and real tokens.
 * The project's secret is read on every request, so changing it between two
 * requests tells a remembered token from one Medusa verified again.
 */
function harness(
  http: Http,
  middleware: Middleware = authenticateWithTokenCache("affiliate", ["session", "bearer"]),
  secretKeys: Set<string> = new Set()
) {
  const config = { projectConfig: { http } }
  const logger = { debug() {} }
  // Medusa's API Key Module, as its authenticate asks it about a secret key
  const apiKeys = { authenticate: async (token: string) => (secretKeys.has(token) ? { id: `apk_${token}` } : null) }
  const call = (authorization?: string, session: Record<string, unknown> = {}) =>
    new Promise<Outcome>((resolve, reject) => {
      const req = {
        headers: authorization ? { authorization } : {},
        session,
        scope: { resolve: (key: string) => (key === "logger" ? logger : key === "api_key" ? apiKeys : config) },
      } as unknown as MedusaRequest & { auth_context?: Record<string, unknown> }
      const res = {
        status(code: number) {
          return { json: () => resolve({ status: code }) }
        },
      } as unknown as MedusaResponse
      Promise.resolve(
        middleware(req, res, (error?: unknown) =>
          error ? reject(error) : resolve({ status: 200, auth_context: req.auth_context })
        )
      ).catch(reject)
    })
  return { http, call }
}

const claims = (overrides: Record<string, unknown> = {}) => ({
  actor_id: "affmem_1",
  actor_type: "affiliate",
  auth_identity_id: "authid_1",
  app_metadata: {},
  user_metadata: {},
  ...overrides,
})
const bearer = (secret: string, overrides?: Record<string, unknown>, expiresIn: number = 3600) =>
  `Bearer ${sign(claims(overrides), secret, { expiresIn })}`

describe("authenticateWithTokenCache", () => {
  // Guard: the seam exists because Medusa hands jsonwebtoken the HS256
  // secret as a string on every request, which jsonwebtoken first tries to
  // parse as a PEM public key (~450 µs of CPU). When this fails, Medusa
  // verifies with a key object made once: use its authenticate directly and
  // delete authenticate-with-token-cache.ts.
  it("is needed: Medusa's authenticate makes jsonwebtoken parse the secret as a public key on every request", async () => {
    const parseAsPublicKey = jest.spyOn(crypto, "createPublicKey")
    try {
      // a fresh copy of Medusa's http module, so its jsonwebtoken picks up the spy
      let medusaAuthenticate!: typeof import("@medusajs/framework/http").authenticate
      jest.isolateModules(() => {
        medusaAuthenticate = require("@medusajs/framework/http").authenticate
      })
      const { call } = harness({ jwtSecret: "secret" }, medusaAuthenticate("affiliate", ["session", "bearer"]))
      const token = bearer("secret")
      for (let i = 0; i < 3; i++) {
        expect((await call(token)).status).toBe(200)
      }
      expect(parseAsPublicKey.mock.calls.filter(([key]) => key === "secret")).toHaveLength(3)
    } finally {
      parseAsPublicKey.mockRestore()
    }
  })

  it("accepts a token Medusa accepted once without verifying it again, and still verifies every other token", async () => {
    const { http, call } = harness({ jwtSecret: "first-secret" })
    const token = bearer("first-secret")
    expect(await call(token)).toEqual({ status: 200, auth_context: expect.objectContaining({ actor_id: "affmem_1" }) })

    http.jwtSecret = "second-secret"
    expect(await call(token)).toEqual({ status: 200, auth_context: expect.objectContaining({ actor_id: "affmem_1" }) })
    expect((await call(bearer("first-secret", { actor_id: "affmem_2" }))).status).toBe(401)
    expect((await call(bearer("second-secret", { actor_id: "affmem_2" }))).status).toBe(200)
  })

  it("hands each request its own copy of the remembered context", async () => {
    const { call } = harness({ jwtSecret: "secret" })
    const token = bearer("secret")
    const first = await call(token)
    first.auth_context!.actor_id = "changed by a route"
    expect((await call(token)).auth_context).toEqual(expect.objectContaining({ actor_id: "affmem_1" }))
  })

  it("refuses a remembered token once it has expired", async () => {
    const { call } = harness({ jwtSecret: "secret" })
    const token = bearer("secret", {}, 1)
    expect((await call(token)).status).toBe(200)
    await new Promise((resolve) => setTimeout(resolve, 1_100))
    expect((await call(token)).status).toBe(401)
  })

  it("never remembers a refused token, another actor type's token, or an MFA context", async () => {
    const { http, call } = harness({ jwtSecret: "secret" })
    const forged = bearer("not-the-secret")
    const customer = bearer("secret", { actor_type: "customer" })
    const mfa = bearer("secret", { mfa_enabled: true, mfa_challenge_completed_at: new Date().toISOString() })
    expect((await call(forged)).status).toBe(401)
    expect((await call(customer)).status).toBe(401)
    expect((await call(mfa)).status).toBe(200)

    http.jwtSecret = "not-the-secret"
    expect((await call(forged)).status).toBe(200)
    expect((await call(customer)).status).toBe(401)
    expect((await call(mfa)).status).toBe(401)
  })

  it("remembers nothing when the project limits a token's age (maxAge)", async () => {
    const { http, call } = harness({ jwtSecret: "secret", jwtVerifyOptions: { maxAge: "1h" } })
    const token = bearer("secret")
    expect((await call(token)).status).toBe(200)
    http.jwtSecret = "rotated"
    expect((await call(token)).status).toBe(401)
  })

  it("leaves a signed-in session to Medusa, ahead of any bearer token", async () => {
    const { call } = harness({ jwtSecret: "secret" })
    const session = { auth_context: claims({ actor_id: "affmem_session" }) }
    const outcome = await call(bearer("secret"), session)
    expect(outcome.auth_context).toEqual(expect.objectContaining({ actor_id: "affmem_session" }))
    expect((await call(undefined)).status).toBe(401)
  })

  it("on admin routes: remembers an admin's bearer token, and leaves every secret API key to Medusa", async () => {
    const secretKeys = new Set(["sk_live"])
    const { http, call } = harness(
      { jwtSecret: "first-secret" },
      authenticateWithTokenCache("user", ["bearer", "session", "api-key"]),
      secretKeys
    )
    const token = bearer("first-secret", { actor_id: "user_1", actor_type: "user" })
    expect((await call(token)).auth_context).toEqual(expect.objectContaining({ actor_id: "user_1" }))
    const basic = `Basic ${Buffer.from("sk_live:").toString("base64")}`
    expect((await call(basic)).auth_context).toEqual(expect.objectContaining({ actor_id: "apk_sk_live", actor_type: "api-key" }))

    http.jwtSecret = "second-secret"
    secretKeys.clear()
    expect((await call(token)).status).toBe(200)
    // a revoked key is refused at once: keys are never remembered
    expect((await call(basic)).status).toBe(401)
  })
})
