import { Modules } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { AFFILIATE_MODULE } from "../../src/modules/affiliate"
import {
  bearer,
  createAdmin,
  createPublishableKey,
  jwtPayload,
  loginAffiliate,
  registerAffiliateIdentity,
  signUpAffiliate,
} from "../helpers/actors"
import { AFFILIATE_TABLES, countRows } from "../helpers/db"
import { httpClient, HttpClient } from "../helpers/http-client"

jest.setTimeout(120_000)

// medusa-config.ts turns this into the plugin option autoApproveAffiliates.
// The runner's own `env` option is applied after the config is read, so it
// is set here, before the runner boots, and removed when the file is done.
process.env.AFFILIATE_AUTO_APPROVE = "true"
afterAll(() => {
  delete process.env.AFFILIATE_AUTO_APPROVE
})

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    let http: HttpClient
    let admin: Awaited<ReturnType<typeof createAdmin>>
    let publishableKey: string
    let pk: { "x-publishable-api-key": string }

    beforeEach(async () => {
      http = httpClient(api)
      admin = await createAdmin(http, getContainer())
      publishableKey = await createPublishableKey(getContainer())
      pk = { "x-publishable-api-key": publishableKey }
    })

    const expectNothingWritten = async (run: () => Promise<unknown>) => {
      const before = await countRows(dbConnection, AFFILIATE_TABLES)
      await run()
      expect(await countRows(dbConnection, AFFILIATE_TABLES)).toEqual(before)
    }

    const invite = async (affiliateId: string, email: string) => {
      const res = await http.post(`/admin/affiliates/${affiliateId}/invites`, { email }, admin.headers)
      expect(res.status).toBe(200)
      return new URL(res.data.invite.accept_url).searchParams.get("token")!
    }

    describe("POST /store/affiliates (sign-up)", () => {
      it("creates an active team (autoApproveAffiliates) with its owner member and links the login", async () => {
        const registrationToken = await registerAffiliateIdentity(http, "ann@acme.test")
        const res = await http.post(
          "/store/affiliates",
          { name: "Acme", email: "Ann@Acme.test", first_name: "Ann", last_name: "Lee" },
          { ...bearer(registrationToken), ...pk }
        )
        expect(res.status).toBe(200)
        expect(res.data.affiliate).toEqual({
          id: expect.stringMatching(/^aff_/),
          name: "Acme",
          email: "ann@acme.test",
          status: "active",
          group_id: null,
          created_at: expect.any(String),
          updated_at: expect.any(String),
        })
        expect(res.data.member).toEqual(
          expect.objectContaining({
            id: expect.stringMatching(/^affmem_/),
            affiliate_id: res.data.affiliate.id,
            email: "ann@acme.test",
            first_name: "Ann",
            last_name: "Lee",
            role: "owner",
            email_notifications: true,
          })
        )

        // a fresh login now carries the member as actor
        const token = await loginAffiliate(http, "ann@acme.test")
        const payload = jwtPayload(token)
        expect(payload.actor_type).toBe("affiliate")
        expect(payload.actor_id).toBe(res.data.member.id)

        const me = await http.get("/store/affiliates/me", { ...bearer(token), ...pk })
        expect(me.status).toBe(200)
        expect(me.data).toEqual({ affiliate: res.data.affiliate, member: res.data.member })
        // managers and admin metadata are not the affiliate's business
        expect(me.data.affiliate).not.toHaveProperty("manager_id")
        expect(me.data.affiliate).not.toHaveProperty("metadata")
      })

      it("applies autoApproveAffiliates to affiliates an admin creates without a status", async () => {
        const created = await http.post("/admin/affiliates", { name: "Direct", email: "direct@test.dev" }, admin.headers)
        expect(created.data.affiliate.status).toBe("active")
        const pending = await http.post(
          "/admin/affiliates",
          { name: "Held", email: "held@test.dev", status: "pending" },
          admin.headers
        )
        expect(pending.data.affiliate.status).toBe("pending")
      })

      it("refuses a login that already belongs to a member", async () => {
        const owner = await signUpAffiliate(http, publishableKey, { name: "Once", email: "once@test.dev" })
        await expectNothingWritten(async () => {
          const again = await http.post(
            "/store/affiliates",
            { name: "Twice", email: "twice@test.dev" },
            owner.headers
          )
          expect(again.status).toBe(400)
          expect(again.data.message).toMatch(/already belongs to an affiliate member/)
        })
      })

      it("needs a registration token and a publishable key", async () => {
        const noAuth = await http.post("/store/affiliates", { name: "A", email: "a@test.dev" }, pk)
        expect(noAuth.status).toBe(401)

        const registrationToken = await registerAffiliateIdentity(http, "nokey@test.dev")
        const noKey = await http.post(
          "/store/affiliates",
          { name: "A", email: "nokey@test.dev" },
          bearer(registrationToken)
        )
        expect(noKey.status).toBe(400)
        expect(noKey.data.message).toMatch(/publishable/i)

        const customerToken = (
          await http.post("/auth/customer/emailpass/register", {
            email: "shopper@test.dev",
            password: "correct-horse-battery",
          })
        ).data.token
        const asCustomer = await http.post(
          "/store/affiliates",
          { name: "A", email: "shopper@test.dev" },
          { ...bearer(customerToken), ...pk }
        )
        expect(asCustomer.status).toBe(401)
      })

      it.each([
        ["a missing name", { email: "v@test.dev" }],
        ["a wrong type", { name: ["A"], email: "v@test.dev" }],
        ["an unknown field", { name: "A", email: "v@test.dev", status: "active" }],
        ["a too long first name", { name: "A", email: "v@test.dev", first_name: "x".repeat(101) }],
        ["a bad email", { name: "A", email: "v@" }],
      ])("answers 400 to %s and writes nothing", async (_, body) => {
        const registrationToken = await registerAffiliateIdentity(http, "v@test.dev")
        await expectNothingWritten(async () => {
          const res = await http.post("/store/affiliates", body, { ...bearer(registrationToken), ...pk })
          expect(res.status).toBe(400)
          expect(res.data.message).toEqual(expect.any(String))
        })
      })

      /** The actor a login is bound to, straight from the auth module: what a refused sign-up must not have set. */
      const boundActor = async (email: string) => {
        const [provider] = await getContainer()
          .resolve(Modules.AUTH)
          .listProviderIdentities({ entity_id: email, provider: "emailpass" }, { relations: ["auth_identity"] })
        return provider.auth_identity?.app_metadata?.affiliate_id ?? null
      }

      it("refuses an impostor: a login of x@evil.test cannot sign up as partners@bigbrand.com", async () => {
        const impostor = await registerAffiliateIdentity(http, "x@evil.test")
        await expectNothingWritten(async () => {
          const res = await http.post(
            "/store/affiliates",
            { name: "Big Brand", email: "partners@bigbrand.com", first_name: "Eve" },
            { ...bearer(impostor), ...pk }
          )
          expect(res.status).toBe(400)
          expect(res.data).toEqual({
            type: "invalid_data",
            message: "email must be the email of the login that signs up; leave it out to use the login's",
          })
        })
        expect(await boundActor("x@evil.test")).toBeNull()

        // the brand itself signs up afterwards, without repeating its email
        const brand = await registerAffiliateIdentity(http, "partners@bigbrand.com")
        const signedUp = await http.post("/store/affiliates", { name: "Big Brand" }, { ...bearer(brand), ...pk })
        expect(signedUp.status).toBe(200)
        expect(signedUp.data.affiliate.email).toBe("partners@bigbrand.com")
        expect(signedUp.data.member.email).toBe("partners@bigbrand.com")
        expect(await boundActor("partners@bigbrand.com")).toBe(signedUp.data.member.id)

        // the impostor's login is still free: it signs up under its own address, in any case
        const own = await http.post("/store/affiliates", { name: "Evil", email: "X@Evil.TEST" }, { ...bearer(impostor), ...pk })
        expect(own.status).toBe(200)
        expect([own.data.affiliate.email, own.data.member.email]).toEqual(["x@evil.test", "x@evil.test"])
      })

      it("takes the email the login was registered with, lower-cased, and refuses a login whose id is no address", async () => {
        const mixed = await registerAffiliateIdentity(http, "Mixed.Case@Shop.test")
        const res = await http.post("/store/affiliates", { name: "Mixed" }, { ...bearer(mixed), ...pk })
        expect(res.status).toBe(200)
        expect(res.data.affiliate.email).toBe("mixed.case@shop.test")

        // emailpass stores whatever was registered as the identity's id
        const notAnAddress = await registerAffiliateIdentity(http, "not-an-address")
        await expectNothingWritten(async () => {
          const refused = await http.post("/store/affiliates", { name: "Nobody" }, { ...bearer(notAnAddress), ...pk })
          expect(refused.status).toBe(400)
          expect(refused.data.message).toMatch(/registered with an email address/)
        })
      })

      it("answers 422 to a team email already taken, leaving the login unlinked", async () => {
        // an admin created the team first; its owner's own login then signs up
        const created = await http.post("/admin/affiliates", { name: "Taken", email: "taken@test.dev" }, admin.headers)
        expect(created.status).toBe(200)
        const registrationToken = await registerAffiliateIdentity(http, "taken@test.dev")
        await expectNothingWritten(async () => {
          const res = await http.post(
            "/store/affiliates",
            { name: "Copy" },
            { ...bearer(registrationToken), ...pk }
          )
          expect(res.status).toBe(422)
        })
        expect(await boundActor("taken@test.dev")).toBeNull()
        // the login is still free, so it can join the existing team by invite
        const joined = await http.post(
          "/store/affiliates/invites/accept",
          { token: await invite(created.data.affiliate.id, "taken@test.dev") },
          { ...bearer(registrationToken), ...pk }
        )
        expect(joined.status).toBe(200)
      })
    })

    describe("POST /store/affiliates/invites/accept", () => {
      it("joins the inviting team as a member; the invite cannot be used twice", async () => {
        const owner = await signUpAffiliate(http, publishableKey, { name: "Inviters", email: "boss@inv.test" })
        const token = await invite(owner.affiliate.id, "Joiner@inv.test")
        const registrationToken = await registerAffiliateIdentity(http, "joiner@inv.test")

        const res = await http.post(
          "/store/affiliates/invites/accept",
          { token, first_name: "Jo" },
          { ...bearer(registrationToken), ...pk }
        )
        expect(res.status).toBe(200)
        expect(res.data.affiliate.id).toBe(owner.affiliate.id)
        expect(res.data.member).toEqual(
          expect.objectContaining({ email: "joiner@inv.test", role: "member", first_name: "Jo" })
        )
        const memberToken = await loginAffiliate(http, "joiner@inv.test")
        const me = await http.get("/store/affiliates/me", { ...bearer(memberToken), ...pk })
        expect(me.data.member.id).toBe(res.data.member.id)

        const members = await http.get(`/admin/affiliates/${owner.affiliate.id}/members`, admin.headers)
        expect(members.data.count).toBe(2)

        const secondIdentity = await registerAffiliateIdentity(http, "late@inv.test")
        const reused = await http.post(
          "/store/affiliates/invites/accept",
          { token },
          { ...bearer(secondIdentity), ...pk }
        )
        expect(reused.status).toBe(409)
        expect(reused.data.message).toMatch(/already been used/)
      })

      it("refuses unknown, expired and foreign-email invites, writing nothing", async () => {
        const owner = await signUpAffiliate(http, publishableKey, { name: "Strict", email: "boss@strict.test" })
        const token = await invite(owner.affiliate.id, "invited@strict.test")
        const stranger = await registerAffiliateIdentity(http, "stranger@strict.test")
        const invited = await registerAffiliateIdentity(http, "invited@strict.test")

        await expectNothingWritten(async () => {
          const unknown = await http.post(
            "/store/affiliates/invites/accept",
            { token: "not-a-token" },
            { ...bearer(invited), ...pk }
          )
          expect(unknown.status).toBe(404)

          const wrongEmail = await http.post(
            "/store/affiliates/invites/accept",
            { token },
            { ...bearer(stranger), ...pk }
          )
          expect(wrongEmail.status).toBe(403)
          expect(wrongEmail.data.message).toMatch(/another email/)

          const empty = await http.post("/store/affiliates/invites/accept", {}, { ...bearer(invited), ...pk })
          expect(empty.status).toBe(400)
        })

        await getContainer()
          .resolve<any>(AFFILIATE_MODULE)
          .updateAffiliateInvites({ selector: {}, data: { expires_at: new Date(Date.now() - 1000) } })
        await expectNothingWritten(async () => {
          const expired = await http.post(
            "/store/affiliates/invites/accept",
            { token },
            { ...bearer(invited), ...pk }
          )
          expect(expired.status).toBe(409)
          expect(expired.data.message).toMatch(/expired/)
        })
      })

      it("refuses invites of a team that was suspended after inviting", async () => {
        const owner = await signUpAffiliate(http, publishableKey, { name: "Gone", email: "boss@gone.test" })
        const token = await invite(owner.affiliate.id, "late@gone.test")
        await http.post(`/admin/affiliates/${owner.affiliate.id}`, { status: "suspended" }, admin.headers)
        const identity = await registerAffiliateIdentity(http, "late@gone.test")
        await expectNothingWritten(async () => {
          const res = await http.post(
            "/store/affiliates/invites/accept",
            { token },
            { ...bearer(identity), ...pk }
          )
          expect(res.status).toBe(409)
          expect(res.data.message).toMatch(/suspended/)
        })
      })
    })

    describe("/store/affiliates/me", () => {
      it("needs an affiliate member: no auth, admin or customer tokens get 401", async () => {
        expect((await http.get("/store/affiliates/me", pk)).status).toBe(401)
        expect((await http.get("/store/affiliates/me", { ...admin.headers, ...pk })).status).toBe(401)
        const registrationOnly = await registerAffiliateIdentity(http, "half@test.dev")
        expect((await http.get("/store/affiliates/me", { ...bearer(registrationOnly), ...pk })).status).toBe(401)
      })

      it("updates the member's own name and email notifications", async () => {
        const owner = await signUpAffiliate(http, publishableKey, { name: "Self", email: "self@test.dev" })
        const res = await http.post(
          "/store/affiliates/me",
          { first_name: "Sam", email_notifications: false },
          owner.headers
        )
        expect(res.status).toBe(200)
        expect(res.data.member).toEqual(
          expect.objectContaining({ first_name: "Sam", email_notifications: false, email: "self@test.dev" })
        )
        const reread = await http.get("/store/affiliates/me", owner.headers)
        expect(reread.data.member.email_notifications).toBe(false)
      })

      it.each([
        ["an unknown field", { role: "owner" }],
        ["a field another member owns", { email: "x@test.dev" }],
        ["a wrong type", { email_notifications: "yes" }],
        ["a too long name", { last_name: "x".repeat(101) }],
      ])("answers 400 to %s and changes nothing", async (_, body) => {
        const owner = await signUpAffiliate(http, publishableKey, { name: "Keep", email: "keep@test.dev" })
        const res = await http.post("/store/affiliates/me", body, owner.headers)
        expect(res.status).toBe(400)
        const reread = await http.get("/store/affiliates/me", owner.headers)
        expect(reread.data.member).toEqual(owner.member)
      })

      it("refuses members of a suspended team on every route, and lets them back when reactivated", async () => {
        const owner = await signUpAffiliate(http, publishableKey, { name: "Paused", email: "paused@test.dev" })
        await http.post(`/admin/affiliates/${owner.affiliate.id}`, { status: "suspended" }, admin.headers)

        const read = await http.get("/store/affiliates/me", owner.headers)
        expect(read.status).toBe(403)
        expect(read.data.message).toMatch(/suspended/)
        const write = await http.post("/store/affiliates/me", { first_name: "X" }, owner.headers)
        expect(write.status).toBe(403)

        await http.post(`/admin/affiliates/${owner.affiliate.id}`, { status: "active" }, admin.headers)
        expect((await http.get("/store/affiliates/me", owner.headers)).status).toBe(200)
      })

      it("shows each member only its own account", async () => {
        const first = await signUpAffiliate(http, publishableKey, { name: "First", email: "first@test.dev" })
        const second = await signUpAffiliate(http, publishableKey, { name: "Second", email: "second@test.dev" })
        const mine = await http.get("/store/affiliates/me", first.headers)
        const theirs = await http.get("/store/affiliates/me", second.headers)
        expect(mine.data.affiliate.id).toBe(first.affiliate.id)
        expect(theirs.data.affiliate.id).toBe(second.affiliate.id)
        expect(JSON.stringify(mine.data)).not.toContain(second.affiliate.id)
      })
    })
  },
})
