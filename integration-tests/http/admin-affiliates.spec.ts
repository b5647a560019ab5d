import { Modules } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import {
  createAdmin,
  createPublishableKey,
  registerAffiliateIdentity,
  bearer,
} from "../helpers/actors"
import { AFFILIATE_TABLES, countRows } from "../helpers/db"
import { httpClient, HttpClient } from "../helpers/http-client"

jest.setTimeout(120_000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    let http: HttpClient
    let admin: Awaited<ReturnType<typeof createAdmin>>
    let events: { name: string; data: any }[]

    let subscribed = false

    beforeEach(async () => {
      http = httpClient(api)
      admin = await createAdmin(http, getContainer())
      events = []
      if (!subscribed) {
        subscribed = true
        const eventBus = getContainer().resolve(Modules.EVENT_BUS)
        for (const name of ["affiliate.created", "affiliate.updated", "affiliate_member.created"]) {
          eventBus.subscribe(name, async (event: any) => {
            events.push({ name, data: event.data })
          })
        }
      }
    })

    const createAffiliate = async (body: Record<string, unknown>) => {
      const res = await http.post("/admin/affiliates", body, admin.headers)
      expect(res.status).toBe(200)
      return res.data.affiliate
    }
    const createGroup = async (body: Record<string, unknown>) => {
      const res = await http.post("/admin/affiliate-groups", body, admin.headers)
      expect(res.status).toBe(200)
      return res.data.affiliate_group
    }
    const expectNothingWritten = async (run: () => Promise<unknown>) => {
      const before = await countRows(dbConnection, AFFILIATE_TABLES)
      await run()
      expect(await countRows(dbConnection, AFFILIATE_TABLES)).toEqual(before)
    }
    const waitForEvents = () => new Promise((resolve) => setTimeout(resolve, 300))

    describe("authentication", () => {
      it.each([
        ["get", "/admin/affiliates"],
        ["post", "/admin/affiliates"],
        ["get", "/admin/affiliates/aff_x"],
        ["post", "/admin/affiliates/aff_x"],
        ["get", "/admin/affiliates/aff_x/members"],
        ["post", "/admin/affiliates/aff_x/invites"],
        ["get", "/admin/affiliate-groups"],
        ["post", "/admin/affiliate-groups"],
        ["get", "/admin/affiliate-groups/affgrp_x"],
        ["post", "/admin/affiliate-groups/affgrp_x"],
        ["delete", "/admin/affiliate-groups/affgrp_x"],
      ])("%s %s answers 401 without an admin", async (method, url) => {
        const res =
          method === "get"
            ? await http.get(url)
            : method === "delete"
              ? await http.delete(url)
              : await http.post(url, {})
        expect(res.status).toBe(401)
      })

      it("refuses an affiliate's token on admin routes", async () => {
        const token = await registerAffiliateIdentity(http, "intruder@test.dev")
        const res = await http.get("/admin/affiliates", bearer(token))
        expect(res.status).toBe(401)
      })
    })

    describe("POST /admin/affiliates", () => {
      it("creates a pending affiliate, normalises the email and emits affiliate.created", async () => {
        const affiliate = await createAffiliate({ name: "  Acme Media ", email: "Team@Acme.TEST" })
        expect(affiliate).toEqual(
          expect.objectContaining({
            id: expect.stringMatching(/^aff_/),
            name: "Acme Media",
            email: "team@acme.test",
            status: "pending",
            group_id: null,
            manager_id: null,
            members: [],
            created_at: expect.any(String),
          })
        )
        await waitForEvents()
        expect(events).toContainEqual({ name: "affiliate.created", data: { id: affiliate.id } })
      })

      it("accepts a group and an existing admin as manager", async () => {
        const group = await createGroup({ name: "Creators" })
        const affiliate = await createAffiliate({
          name: "Managed",
          email: "managed@test.dev",
          status: "active",
          group_id: group.id,
          manager_id: admin.user.id,
          metadata: { tier: "gold" },
        })
        expect(affiliate).toEqual(
          expect.objectContaining({
            status: "active",
            group_id: group.id,
            manager_id: admin.user.id,
            metadata: { tier: "gold" },
            group: expect.objectContaining({ id: group.id, name: "Creators" }),
          })
        )
      })

      it.each([
        ["a missing name", { email: "a@test.dev" }, /name/],
        ["a missing email", { name: "A" }, /email/],
        ["a name of the wrong type", { name: 5, email: "a@test.dev" }, /name/],
        ["an unknown field", { name: "A", email: "a@test.dev", owner: "me" }, /owner/],
        ["a name that is too long", { name: "x".repeat(201), email: "a@test.dev" }, /name/],
        ["a name with a line break", { name: "A\r\nBcc: x@evil.test", email: "a@test.dev" }, /name/],
        ["an invalid email", { name: "A", email: "not-an-email" }, /email/],
        ["an unknown status", { name: "A", email: "a@test.dev", status: "vip" }, /status/],
        ["metadata that is not an object", { name: "A", email: "a@test.dev", metadata: "x" }, /metadata/],
      ])("answers 400 to %s and writes nothing", async (_, body, message) => {
        await expectNothingWritten(async () => {
          const res = await http.post("/admin/affiliates", body, admin.headers)
          expect(res.status).toBe(400)
          expect(res.data.type).toBe("invalid_data")
          expect(res.data.message).toMatch(message)
        })
      })

      it("answers 400 to a group or manager that does not exist, writing nothing", async () => {
        await expectNothingWritten(async () => {
          const noGroup = await http.post(
            "/admin/affiliates",
            { name: "A", email: "a@test.dev", group_id: "affgrp_missing" },
            admin.headers
          )
          expect(noGroup.status).toBe(400)
          expect(noGroup.data.message).toMatch(/Affiliate group with id affgrp_missing does not exist/)

          const noManager = await http.post(
            "/admin/affiliates",
            { name: "A", email: "a@test.dev", manager_id: "user_missing" },
            admin.headers
          )
          expect(noManager.status).toBe(400)
          expect(noManager.data.message).toMatch(/user_missing does not exist/)
        })
      })

      it("answers 422 to an email already used by another affiliate, in any case", async () => {
        await createAffiliate({ name: "First", email: "same@test.dev" })
        await expectNothingWritten(async () => {
          const res = await http.post(
            "/admin/affiliates",
            { name: "Second", email: "SAME@test.dev" },
            admin.headers
          )
          expect(res.status).toBe(422)
          expect(res.data.message).toMatch(/already exists/)
        })
      })
    })

    describe("GET /admin/affiliates", () => {
      let groupA: any
      let ids: Record<string, string>

      beforeEach(async () => {
        groupA = await createGroup({ name: "Group A" })
        const rows = await Promise.all([
          createAffiliate({ name: "Alpha Media", email: "alpha@test.dev", status: "active", group_id: groupA.id }),
          createAffiliate({ name: "Bravo", email: "bravo@test.dev", status: "pending", manager_id: admin.user.id }),
          createAffiliate({ name: "Charlie", email: "hello@charlie-media.test", status: "declined", group_id: groupA.id }),
          createAffiliate({ name: "Delta", email: "delta@test.dev", status: "suspended" }),
        ])
        ids = Object.fromEntries(rows.map((row) => [row.name, row.id]))
      })

      const names = (res: any) => res.data.affiliates.map((a: any) => a.name).sort()

      it("lists with Medusa's list shape and default limit 20", async () => {
        const res = await http.get("/admin/affiliates", admin.headers)
        expect(res.status).toBe(200)
        expect(res.data).toEqual({
          affiliates: expect.any(Array),
          count: 4,
          offset: 0,
          limit: 20,
        })
      })

      it("filters by one or many statuses, group, manager and q", async () => {
        expect(names(await http.get("/admin/affiliates?status=active", admin.headers))).toEqual(["Alpha Media"])
        expect(
          names(await http.get("/admin/affiliates?status=pending&status=declined", admin.headers))
        ).toEqual(["Bravo", "Charlie"])
        expect(names(await http.get(`/admin/affiliates?group_id=${groupA.id}`, admin.headers))).toEqual([
          "Alpha Media",
          "Charlie",
        ])
        expect(names(await http.get(`/admin/affiliates?manager_id=${admin.user.id}`, admin.headers))).toEqual([
          "Bravo",
        ])
        expect(names(await http.get("/admin/affiliates?q=media", admin.headers))).toEqual([
          "Alpha Media",
          "Charlie",
        ])
      })

      it("orders and paginates", async () => {
        const page = await http.get("/admin/affiliates?order=-name&limit=2&offset=1", admin.headers)
        expect(page.status).toBe(200)
        expect(page.data.affiliates.map((a: any) => a.name)).toEqual(["Charlie", "Bravo"])
        expect(page.data).toEqual(expect.objectContaining({ count: 4, offset: 1, limit: 2 }))
        expect(ids.Bravo).toMatch(/^aff_/)
      })

      it.each([
        ["limit above 100", "limit=101"],
        ["a negative offset", "offset=-1"],
        ["an unknown status", "status=vip"],
        ["an unknown order column", "order=password"],
        ["an unknown parameter", "colour=red"],
      ])("answers 400 to %s", async (_, search) => {
        const res = await http.get(`/admin/affiliates?${search}`, admin.headers)
        expect(res.status).toBe(400)
        expect(res.data.message).toEqual(expect.any(String))
      })
    })

    describe("GET and POST /admin/affiliates/:id", () => {
      it("returns one affiliate with members and group, or 404", async () => {
        const affiliate = await createAffiliate({ name: "One", email: "one@test.dev" })
        const res = await http.get(`/admin/affiliates/${affiliate.id}`, admin.headers)
        expect(res.status).toBe(200)
        expect(res.data.affiliate).toEqual(
          expect.objectContaining({ id: affiliate.id, members: [], group: null })
        )
        const missing = await http.get("/admin/affiliates/aff_missing", admin.headers)
        expect(missing.status).toBe(404)
        expect(missing.data.message).toMatch(/aff_missing/)
      })

      it("updates status, group and manager and emits affiliate.updated", async () => {
        const group = await createGroup({ name: "Movers" })
        const affiliate = await createAffiliate({ name: "Mover", email: "mover@test.dev" })
        const res = await http.post(
          `/admin/affiliates/${affiliate.id}`,
          { status: "active", group_id: group.id, manager_id: admin.user.id, name: "Mover Ltd" },
          admin.headers
        )
        expect(res.status).toBe(200)
        expect(res.data.affiliate).toEqual(
          expect.objectContaining({
            name: "Mover Ltd",
            status: "active",
            group_id: group.id,
            manager_id: admin.user.id,
          })
        )
        const cleared = await http.post(
          `/admin/affiliates/${affiliate.id}`,
          { group_id: null, manager_id: null },
          admin.headers
        )
        expect(cleared.data.affiliate).toEqual(
          expect.objectContaining({ group_id: null, manager_id: null, status: "active" })
        )
        await waitForEvents()
        expect(events.filter((e) => e.name === "affiliate.updated")).toEqual([
          { name: "affiliate.updated", data: { id: affiliate.id } },
          { name: "affiliate.updated", data: { id: affiliate.id } },
        ])
      })

      it("answers 404, 400 and 422 to bad updates and changes nothing", async () => {
        const first = await createAffiliate({ name: "First", email: "first@test.dev" })
        await createAffiliate({ name: "Second", email: "second@test.dev" })

        const missing = await http.post("/admin/affiliates/aff_missing", { name: "X" }, admin.headers)
        expect(missing.status).toBe(404)

        const unknown = await http.post(`/admin/affiliates/${first.id}`, { id: "aff_other" }, admin.headers)
        expect(unknown.status).toBe(400)

        const badStatus = await http.post(`/admin/affiliates/${first.id}`, { status: 1 }, admin.headers)
        expect(badStatus.status).toBe(400)

        const duplicate = await http.post(
          `/admin/affiliates/${first.id}`,
          { email: "second@test.dev", name: "Renamed" },
          admin.headers
        )
        expect(duplicate.status).toBe(422)

        const badGroup = await http.post(
          `/admin/affiliates/${first.id}`,
          { group_id: "affgrp_missing", name: "Renamed" },
          admin.headers
        )
        expect(badGroup.status).toBe(400)

        const after = await http.get(`/admin/affiliates/${first.id}`, admin.headers)
        expect(after.data.affiliate).toEqual(
          expect.objectContaining({ name: "First", email: "first@test.dev", group_id: null })
        )
      })
    })

    describe("members and invites", () => {
      it("lists a team's members, and 404 for an unknown team", async () => {
        const publishableKey = await createPublishableKey(getContainer())
        const token = await registerAffiliateIdentity(http, "owner@team.test")
        const signUp = await http.post(
          "/store/affiliates",
          { name: "Team", email: "owner@team.test", first_name: "Olga" },
          { ...bearer(token), "x-publishable-api-key": publishableKey }
        )
        expect(signUp.status).toBe(200)
        // without autoApproveAffiliates a sign-up waits for approval
        expect(signUp.data.affiliate.status).toBe("pending")

        const res = await http.get(`/admin/affiliates/${signUp.data.affiliate.id}/members`, admin.headers)
        expect(res.status).toBe(200)
        expect(res.data).toEqual({
          members: [
            expect.objectContaining({
              id: signUp.data.member.id,
              email: "owner@team.test",
              first_name: "Olga",
              role: "owner",
              email_notifications: true,
            }),
          ],
          count: 1,
          offset: 0,
          limit: 50,
        })
        const missing = await http.get("/admin/affiliates/aff_missing/members", admin.headers)
        expect(missing.status).toBe(404)
      })

      it("creates an invite with an accept link, storing only the token's hash", async () => {
        const affiliate = await createAffiliate({ name: "Inviting", email: "inviting@test.dev", status: "active" })
        const res = await http.post(
          `/admin/affiliates/${affiliate.id}/invites`,
          { email: "New.Member@Test.dev" },
          admin.headers
        )
        expect(res.status).toBe(200)
        const { invite } = res.data
        expect(invite).toEqual({
          id: expect.stringMatching(/^affinv_/),
          email: "new.member@test.dev",
          expires_at: expect.any(String),
          accept_url: expect.stringMatching(/^http:\/\/localhost:8000\/affiliate\/invite\?token=.{20,}$/),
        })
        const days = (Date.parse(invite.expires_at) - Date.now()) / 86_400_000
        expect(days).toBeGreaterThan(6.9)
        expect(days).toBeLessThanOrEqual(7)

        const token = decodeURIComponent(new URL(invite.accept_url).searchParams.get("token")!)
        const stored = await dbConnection.raw("select token_hash from affiliate_invite where id = ?", [invite.id])
        expect(stored.rows[0].token_hash).toMatch(/^[0-9a-f]{64}$/)
        expect(stored.rows[0].token_hash).not.toContain(token)
      })

      it("refuses invites to unknown, declined or suspended teams and bad emails", async () => {
        const declined = await createAffiliate({ name: "Declined", email: "declined@test.dev", status: "declined" })
        await expectNothingWritten(async () => {
          const missing = await http.post("/admin/affiliates/aff_missing/invites", { email: "x@test.dev" }, admin.headers)
          expect(missing.status).toBe(404)

          const refused = await http.post(`/admin/affiliates/${declined.id}/invites`, { email: "x@test.dev" }, admin.headers)
          expect(refused.status).toBe(409)
          expect(refused.data.message).toMatch(/declined/)

          const badEmail = await http.post(`/admin/affiliates/${declined.id}/invites`, { email: "nope" }, admin.headers)
          expect(badEmail.status).toBe(400)

          const extra = await http.post(
            `/admin/affiliates/${declined.id}/invites`,
            { email: "x@test.dev", role: "owner" },
            admin.headers
          )
          expect(extra.status).toBe(400)
        })
      })
    })

    describe("/admin/affiliate-groups", () => {
      it("creates groups with messaging on by default and refuses duplicate names", async () => {
        const group = await createGroup({ name: "Influencers" })
        expect(group).toEqual(
          expect.objectContaining({
            id: expect.stringMatching(/^affgrp_/),
            name: "Influencers",
            messaging_enabled: true,
            messaging_disabled_message: null,
          })
        )
        await expectNothingWritten(async () => {
          const duplicate = await http.post("/admin/affiliate-groups", { name: "Influencers" }, admin.headers)
          expect(duplicate.status).toBe(422)
          const invalid = await http.post(
            "/admin/affiliate-groups",
            { name: "X", messaging_enabled: "no" },
            admin.headers
          )
          expect(invalid.status).toBe(400)
          const tooLong = await http.post(
            "/admin/affiliate-groups",
            { name: "X", messaging_disabled_message: "x".repeat(2001) },
            admin.headers
          )
          expect(tooLong.status).toBe(400)
        })
      })

      it("lists, retrieves and updates groups", async () => {
        const group = await createGroup({ name: "Partners" })
        await createGroup({ name: "Others" })

        const list = await http.get("/admin/affiliate-groups?order=name", admin.headers)
        expect(list.status).toBe(200)
        expect(list.data.affiliate_groups.map((g: any) => g.name)).toEqual(["Others", "Partners"])
        expect(list.data.count).toBe(2)

        const updated = await http.post(
          `/admin/affiliate-groups/${group.id}`,
          { messaging_enabled: false, messaging_disabled_message: "Please email partners@shop.test" },
          admin.headers
        )
        expect(updated.status).toBe(200)
        expect(updated.data.affiliate_group).toEqual(
          expect.objectContaining({
            messaging_enabled: false,
            messaging_disabled_message: "Please email partners@shop.test",
          })
        )
        const one = await http.get(`/admin/affiliate-groups/${group.id}`, admin.headers)
        expect(one.data.affiliate_group.messaging_enabled).toBe(false)

        expect((await http.get("/admin/affiliate-groups/affgrp_missing", admin.headers)).status).toBe(404)
        expect(
          (await http.post("/admin/affiliate-groups/affgrp_missing", { name: "Y" }, admin.headers)).status
        ).toBe(404)
        expect(
          (await http.post(`/admin/affiliate-groups/${group.id}`, { colour: "red" }, admin.headers)).status
        ).toBe(400)
      })

      it("deletes a group: its affiliates become group-less and affiliate.updated is emitted", async () => {
        const group = await createGroup({ name: "Doomed" })
        const member = await createAffiliate({ name: "In group", email: "in@test.dev", group_id: group.id })
        const outsider = await createAffiliate({ name: "Outside", email: "out@test.dev" })
        events.length = 0

        const res = await http.delete(`/admin/affiliate-groups/${group.id}`, admin.headers)
        expect(res.status).toBe(200)
        expect(res.data).toEqual({ id: group.id, object: "affiliate_group", deleted: true })

        const after = await http.get(`/admin/affiliates/${member.id}`, admin.headers)
        expect(after.data.affiliate.group_id).toBeNull()
        expect((await http.get(`/admin/affiliate-groups/${group.id}`, admin.headers)).status).toBe(404)
        expect((await http.delete(`/admin/affiliate-groups/${group.id}`, admin.headers)).status).toBe(404)

        await waitForEvents()
        expect(events).toEqual([{ name: "affiliate.updated", data: { id: member.id } }])
        expect(outsider.group_id).toBeNull()

        // the name is free again once the group is gone
        await createGroup({ name: "Doomed" })
      })
    })
  },
})
