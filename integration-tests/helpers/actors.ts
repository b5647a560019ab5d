import type { MedusaContainer } from "@medusajs/framework/types"
import {
  createApiKeysWorkflow,
  createUserAccountWorkflow,
} from "@medusajs/medusa/core-flows"
import type { HttpClient } from "./http-client"

const PASSWORD = "correct-horse-battery"

function jwtPayload(token: string): Record<string, any> {
  return JSON.parse(Buffer.from(token.split(".")[1], "base64url").toString())
}

function bearer(token: string) {
  return { authorization: `Bearer ${token}` }
}

/** An admin user made through the real auth routes; returns its bearer headers. */
export async function createAdmin(
  http: HttpClient,
  container: MedusaContainer,
  email = "admin@test.dev"
) {
  const registered = await http.post("/auth/user/emailpass/register", {
    email,
    password: PASSWORD,
  })
  expect(registered.status).toBe(200)
  const { result: user } = await createUserAccountWorkflow(container).run({
    input: {
      authIdentityId: jwtPayload(registered.data.token).auth_identity_id,
      userData: { email },
    },
  })
  const login = await http.post("/auth/user/emailpass", { email, password: PASSWORD })
  expect(login.status).toBe(200)
  return { user, headers: bearer(login.data.token) }
}

export async function createPublishableKey(container: MedusaContainer) {
  const { result } = await createApiKeysWorkflow(container).run({
    input: {
      api_keys: [{ title: "Test storefront", type: "publishable", created_by: "" }],
    },
  })
  return result[0].token
}

/** A registration token for the affiliate actor: an auth identity with no member yet. */
export async function registerAffiliateIdentity(http: HttpClient, email: string) {
  const registered = await http.post("/auth/affiliate/emailpass/register", {
    email,
    password: PASSWORD,
  })
  expect(registered.status).toBe(200)
  return registered.data.token as string
}

export async function loginAffiliate(http: HttpClient, email: string) {
  const login = await http.post("/auth/affiliate/emailpass", {
    email,
    password: PASSWORD,
  })
  expect(login.status).toBe(200)
  return login.data.token as string
}

/** Signs an affiliate team up through the store API and logs its owner in. */
export async function signUpAffiliate(
  http: HttpClient,
  publishableKey: string,
  body: { name: string; email: string; first_name?: string; last_name?: string }
) {
  const registrationToken = await registerAffiliateIdentity(http, body.email)
  const created = await http.post("/store/affiliates", body, {
    ...bearer(registrationToken),
    "x-publishable-api-key": publishableKey,
  })
  expect(created.status).toBe(200)
  const token = await loginAffiliate(http, body.email)
  return {
    affiliate: created.data.affiliate,
    member: created.data.member,
    headers: { ...bearer(token), "x-publishable-api-key": publishableKey },
  }
}

/** A storefront customer made through Medusa's own routes; returns its store headers. */
export async function createCustomer(http: HttpClient, publishableKey: string, email: string) {
  const registered = await http.post("/auth/customer/emailpass/register", { email, password: PASSWORD })
  expect(registered.status).toBe(200)
  const created = await http.post(
    "/store/customers",
    { email },
    { ...bearer(registered.data.token), "x-publishable-api-key": publishableKey }
  )
  expect(created.status).toBe(200)
  const login = await http.post("/auth/customer/emailpass", { email, password: PASSWORD })
  expect(login.status).toBe(200)
  return {
    customer: created.data.customer,
    headers: { ...bearer(login.data.token), "x-publishable-api-key": publishableKey },
  }
}

export { bearer, jwtPayload }
