import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { AFFILIATE_MODULE } from ".."
import AffiliateModuleService from "../service"

jest.setTimeout(60_000)

moduleIntegrationTestRunner<AffiliateModuleService>({
  moduleName: AFFILIATE_MODULE,
  resolve: "./src/modules/affiliate",
  pathToMigrations: "./src/modules/affiliate/migrations",
  moduleOptions: { autoApproveAffiliates: true, storeName: "Module Test" },
  testSuite: ({ service }) => {
    describe("AffiliateModuleService", () => {
      it("creates affiliates with prefixed ids and design defaults", async () => {
        const affiliate = await service.createAffiliates({
          name: "Acme",
          email: "team@acme.test",
        })
        expect(affiliate.id).toMatch(/^aff_/)
        expect(affiliate.status).toBe("pending")
        expect(affiliate.group_id ?? null).toBeNull()

        const group = await service.createAffiliateGroups({ name: "Creators" })
        expect(group.id).toMatch(/^affgrp_/)
        expect(group.messaging_enabled).toBe(true)

        const member = await service.createAffiliateMembers({
          affiliate_id: affiliate.id,
          email: "ann@acme.test",
        })
        expect(member.id).toMatch(/^affmem_/)
        expect(member.role).toBe("member")
        expect(member.email_notifications).toBe(true)

        const invite = await service.createAffiliateInvites({
          affiliate_id: affiliate.id,
          email: "bo@acme.test",
          token_hash: "a".repeat(64),
          expires_at: new Date(Date.now() + 1000),
        })
        expect(invite.id).toMatch(/^affinv_/)
        expect(invite.accepted_at).toBeNull()
      })

      it("refuses a second affiliate, member or group with the same unique value", async () => {
        await service.createAffiliates({ name: "One", email: "dup@x.test" })
        await expect(
          service.createAffiliates({ name: "Two", email: "dup@x.test" })
        ).rejects.toThrow(/already exists/)

        await service.createAffiliateGroups({ name: "Same" })
        await expect(
          service.createAffiliateGroups({ name: "Same" })
        ).rejects.toThrow(/already exists/)

        const affiliate = await service.createAffiliates({
          name: "Three",
          email: "three@x.test",
        })
        await service.createAffiliateMembers({
          affiliate_id: affiliate.id,
          email: "m@x.test",
        })
        await expect(
          service.createAffiliateMembers({
            affiliate_id: affiliate.id,
            email: "m@x.test",
          })
        ).rejects.toThrow(/already exists/)
      })

      it("filters by status, group and manager, and searches name and email", async () => {
        const group = await service.createAffiliateGroups({ name: "Filtered" })
        await service.createAffiliates([
          { name: "Alpha Media", email: "alpha@f.test", status: "active", group_id: group.id },
          { name: "Beta", email: "beta@f.test", status: "declined", manager_id: "user_1" },
          { name: "Gamma", email: "contact@gamma-media.test", status: "active" },
        ])
        const active = await service.listAffiliates({ status: "active" })
        expect(active.map((a) => a.name).sort()).toEqual(["Alpha Media", "Gamma"])

        const inGroup = await service.listAffiliates({ group_id: group.id })
        expect(inGroup.map((a) => a.name)).toEqual(["Alpha Media"])

        const managed = await service.listAffiliates({ manager_id: "user_1" })
        expect(managed.map((a) => a.name)).toEqual(["Beta"])

        const [found, count] = await service.listAndCountAffiliates({ q: "media" })
        expect(count).toBe(2)
        expect(found.map((a) => a.name).sort()).toEqual(["Alpha Media", "Gamma"])
      })

      it("lists the members a notification may go to, live ones only, with their choice and affiliate", async () => {
        const [acme, other] = await service.createAffiliates([
          { name: "Notify Acme", email: "notify@acme.test" },
          { name: "Notify Other", email: "notify@other.test" },
        ])
        const [ann, bob, gone] = await service.createAffiliateMembers([
          { affiliate_id: acme.id, email: "ann@notify.test" },
          { affiliate_id: acme.id, email: "bob@notify.test", email_notifications: false },
          { affiliate_id: acme.id, email: "gone@notify.test" },
        ])
        const cai = await service.createAffiliateMembers({ affiliate_id: other.id, email: "cai@notify.test" })
        await service.softDeleteAffiliateMembers([gone.id])

        const ofAcme = await service.listNotifiedMembers({ affiliate_id: acme.id })
        expect([...ofAcme].sort((a, b) => a.id.localeCompare(b.id))).toEqual(
          [
            { id: ann.id, email: "ann@notify.test", email_notifications: true, affiliate_id: acme.id },
            { id: bob.id, email: "bob@notify.test", email_notifications: false, affiliate_id: acme.id },
          ].sort((a, b) => a.id.localeCompare(b.id))
        )
        expect((await service.listNotifiedMembers({ ids: [bob.id, cai.id, gone.id] })).map((m) => m.affiliate_id).sort()).toEqual(
          [acme.id, other.id].sort()
        )
        expect(await service.listNotifiedMembers({ affiliate_id: other.id, ids: [ann.id] })).toEqual([])
      })

      it("passes plugin options through to the service", () => {
        const options = service.getOptions()
        expect(options.autoApproveAffiliates).toBe(true)
        expect(options.storeName).toBe("Module Test")
        expect(options.adminUrl).toBe("http://localhost:9000/app")
      })
    })
  },
})
