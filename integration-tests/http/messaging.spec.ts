import { Modules } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { MedusaError } from "@medusajs/framework/utils"
import { StepResponse } from "@medusajs/framework/workflows-sdk"
import mirrorMemberNames from "../../src/migration-scripts/mirror-member-names"
import { sendOwnerMessageWorkflow } from "../../src/workflows"
import { createAdmin } from "../helpers/actors"
import { countRows } from "../helpers/db"
import { httpClient, HttpClient } from "../helpers/http-client"
import { createProgram, MemberLogin } from "../helpers/program"

jest.setTimeout(180_000)

const MESSAGING_TABLES = ["affiliate_conversation", "affiliate_message", "affiliate_member_read_state"]

// A store's own rule, registered the way docs/reference/workflows.md shows (one handler per hook and process).
const FORBIDDEN_WORD = "hook-forbidden-word"
const hookCalls: { validate: any[]; messageCreated: any[] } = { validate: [], messageCreated: [] }
sendOwnerMessageWorkflow.hooks.validate(async ({ input, context }) => {
  hookCalls.validate.push({ input, context })
  if (input.body.includes(FORBIDDEN_WORD)) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Messages may not contain "${FORBIDDEN_WORD}"`)
  }
})
sendOwnerMessageWorkflow.hooks.messageCreated(async (data) => {
  hookCalls.messageCreated.push(data)
  return new StepResponse(undefined)
})

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    let http: HttpClient
    let program: Awaited<ReturnType<typeof createProgram>>
    let adminHeaders: Record<string, string>
    let events: { name: string; data: any }[] = []
    let subscribed = false

    beforeEach(async () => {
      http = httpClient(api)
      program = await createProgram(http, getContainer())
      adminHeaders = program.admin.headers
      events = []
      if (!subscribed) {
        subscribed = true
        const eventBus = getContainer().resolve(Modules.EVENT_BUS)
        for (const name of [
          "affiliate_conversation.created",
          "affiliate_conversation.read",
          "affiliate_conversation.unread",
          "affiliate_message.created",
        ]) {
          eventBus.subscribe(name, async (event: any) => {
            events.push({ name, data: event.data })
          })
        }
      }
    })

    const settle = () => new Promise((resolve) => setTimeout(resolve, 300))
    const newMessage = (body: Record<string, unknown>) =>
      http.post("/admin/conversations", body, adminHeaders)
    const badge = async (member: MemberLogin) => {
      const res = await http.get("/store/affiliates/me/messaging", member.headers)
      expect(res.status).toBe(200)
      return res.data.messaging
    }
    const inbox = async (search = "") => {
      const res = await http.get(`/admin/conversations${search}`, adminHeaders)
      expect(res.status).toBe(200)
      return res.data
    }
    const expectNothingWritten = async (run: () => Promise<unknown>) => {
      const before = await countRows(dbConnection, MESSAGING_TABLES)
      await run()
      expect(await countRows(dbConnection, MESSAGING_TABLES)).toEqual(before)
    }

    describe("a conversation from start to finish", () => {
      it("admin starts, affiliate reads and replies, admins share read and unread", async () => {
        const team = await program.team("Northwind Media", "ann@northwind.test")

        const started = await newMessage({ affiliate_id: team.affiliate_id, body: "  Welcome to the program!  " })
        expect(started.status).toBe(201)
        const { conversation, message } = started.data
        expect(conversation).toEqual({
          id: expect.stringMatching(/^conv_/),
          affiliate: {
            id: team.affiliate_id,
            name: "Northwind Media",
            email: "ann@northwind.test",
            status: "active",
            group_id: null,
            manager_id: null,
          },
          member: null,
          last_message_at: message.created_at,
          last_message_preview: "Welcome to the program!",
          message_count: 1,
          unread: false,
          created_at: expect.any(String),
        })
        expect(message).toEqual({
          id: expect.stringMatching(/^msg_/),
          conversation_id: conversation.id,
          author_type: "owner",
          author: { id: program.admin.user.id, name: "admin@test.dev" },
          body: "Welcome to the program!",
          source: "app",
          broadcast_id: null,
          attachments: [],
          created_at: expect.any(String),
        })

        // the affiliate sees the badge, then the thread
        expect(await badge(team)).toEqual({ enabled: true, disabled_message: null, unread_count: 1 })
        const list = await http.get("/store/affiliates/me/conversations", team.headers)
        expect(list.status).toBe(200)
        expect(list.data).toEqual({
          conversations: [expect.objectContaining({ id: conversation.id, unread: true, message_count: 1 })],
          count: 1,
          offset: 0,
          limit: 20,
        })
        const peek = await http.get(`/store/affiliates/me/conversations/${conversation.id}?mark_read=false`, team.headers)
        expect(peek.data.conversation.unread).toBe(true)
        const opened = await http.get(`/store/affiliates/me/conversations/${conversation.id}`, team.headers)
        expect(opened.status).toBe(200)
        expect(opened.data.conversation.unread).toBe(false)
        expect((await badge(team)).unread_count).toBe(0)

        const thread = await http.get(`/store/affiliates/me/conversations/${conversation.id}/messages`, team.headers)
        expect(thread.data.messages).toEqual([
          { ...message, author: { id: null, name: "admin@test.dev" }, attachments: [] },
        ])

        // the affiliate replies: the thread is unread for the owners
        const reply = await http.post(
          `/store/affiliates/me/conversations/${conversation.id}/messages`,
          { body: "Thanks! Where do I find my link?" },
          team.headers
        )
        expect(reply.status).toBe(200)
        expect(reply.data.message).toEqual(
          expect.objectContaining({
            author_type: "affiliate",
            author: { id: team.member_id, name: "Northwind" },
            source: "app",
            broadcast_id: null,
          })
        )
        expect((await badge(team)).unread_count).toBe(0)

        const unreadTab = await inbox("?unread=true")
        expect(unreadTab.conversations.map((c: any) => c.id)).toEqual([conversation.id])
        expect(unreadTab.unread_count).toBe(1)
        expect(unreadTab.conversations[0]).toEqual(
          expect.objectContaining({ unread: true, message_count: 2, last_message_preview: "Thanks! Where do I find my link?" })
        )

        // a second admin opens it: read for every admin
        const second = await createAdmin(http, getContainer(), "second@test.dev")
        const viewed = await http.get(`/admin/conversations/${conversation.id}`, second.headers)
        expect(viewed.data.conversation.unread).toBe(false)
        expect((await inbox("?unread=true")).conversations).toEqual([])
        expect((await inbox()).unread_count).toBe(0)

        const markedUnread = await http.post(`/admin/conversations/${conversation.id}/unread`, {}, adminHeaders)
        expect(markedUnread.status).toBe(200)
        expect(markedUnread.data.conversation.unread).toBe(true)
        expect((await inbox("?unread=true")).unread_count).toBe(1)
        const peekAdmin = await http.get(`/admin/conversations/${conversation.id}?mark_read=false`, second.headers)
        expect(peekAdmin.data.conversation.unread).toBe(true)

        const markedRead = await http.post(`/admin/conversations/${conversation.id}/read`, {}, second.headers)
        expect(markedRead.data.conversation.unread).toBe(false)

        // the owner's own messages never make a thread unread for owners
        const answer = await http.post(`/admin/conversations/${conversation.id}/messages`, { body: "In the dashboard." }, adminHeaders)
        expect(answer.data.message).toEqual(
          expect.objectContaining({ author_type: "owner", body: "In the dashboard.", source: "app", broadcast_id: null })
        )
        expect((await inbox()).unread_count).toBe(0)
        expect((await badge(team)).unread_count).toBe(1)

        await settle()
        expect(events.map((e) => e.name)).toEqual(
          expect.arrayContaining([
            "affiliate_conversation.created",
            "affiliate_message.created",
            "affiliate_conversation.read",
            "affiliate_conversation.unread",
          ])
        )
        expect(events).toContainEqual({
          name: "affiliate_message.created",
          data: { id: reply.data.message.id, conversation_id: conversation.id, author_type: "affiliate", source: "app" },
        })
        expect(events.filter((e) => e.name === "affiliate_conversation.created")).toHaveLength(1)
      })

      it("shows affiliates no admin user ids: owner authors by name only, no manager on any store route", async () => {
        const adminId = program.admin.user.id
        const team = await program.team("Managed Media", "mia@managed.test", { manager_id: adminId })
        const started = await newMessage({ affiliate_id: team.affiliate_id, body: "From your manager" })
        expect(started.data.conversation.affiliate.manager_id).toBe(adminId)
        expect(started.data.message.author).toEqual({ id: adminId, name: "admin@test.dev" })
        const id = started.data.conversation.id

        const storeAffiliate = { id: team.affiliate_id, name: "Managed Media", email: "mia@managed.test", status: "active", group_id: null }
        const ownerAuthor = { id: null, name: "admin@test.dev" }
        const list = await http.get("/store/affiliates/me/conversations", team.headers)
        expect(list.data.conversations[0].affiliate).toEqual(storeAffiliate)
        const opened = await http.get(`/store/affiliates/me/conversations/${id}`, team.headers)
        expect(opened.data.conversation.affiliate).toEqual(storeAffiliate)
        const read = await http.post(`/store/affiliates/me/conversations/${id}/read`, {}, team.headers)
        expect(read.data.conversation.affiliate).toEqual(storeAffiliate)
        const thread = await http.get(`/store/affiliates/me/conversations/${id}/messages`, team.headers)
        expect(thread.data.messages.map((m: any) => [m.author_type, m.author])).toEqual([["owner", ownerAuthor]])

        // the affiliate's own messages keep its member id: teammates tell each other apart
        const reply = await http.post(`/store/affiliates/me/conversations/${id}/messages`, { body: "Hi" }, team.headers)
        expect(reply.data.message.author).toEqual({ id: team.member_id, name: "Managed" })
        const written = await http.post("/store/affiliates/me/conversations", { body: "Again" }, team.headers)
        expect(written.data.conversation.affiliate).toEqual(storeAffiliate)
        expect(written.data.message.author.id).toBe(team.member_id)
        expect(written.data.message).toEqual(expect.objectContaining({ source: "app", broadcast_id: null }))
        const me = await http.get("/store/affiliates/me", team.headers)
        expect(me.data.affiliate).not.toHaveProperty("manager_id")

        for (const res of [list, opened, read, thread, reply, written, me]) {
          expect(JSON.stringify(res.data)).not.toContain(adminId)
        }
        // the owners still see both
        const adminThread = await http.get(`/admin/conversations/${id}/messages`, adminHeaders)
        expect(adminThread.data.messages[0].author).toEqual({ id: adminId, name: "admin@test.dev" })
        // every message so far was written in the app, none by a broadcast, on either side
        const origins = (res: typeof thread) => res.data.messages.map((m: any) => [m.source, m.broadcast_id])
        expect(origins(adminThread)).toEqual([["app", null], ["app", null], ["app", null]])
        expect(origins(await http.get(`/store/affiliates/me/conversations/${id}/messages`, team.headers))).toEqual(origins(adminThread))
      })

      it("a second New Message to the same audience appends (200)", async () => {
        const team = await program.team("Repeat Co", "owner@repeat.test")
        const first = await newMessage({ affiliate_id: team.affiliate_id, body: "One" })
        const second = await newMessage({ affiliate_id: team.affiliate_id, body: "Two", member_id: null })
        expect(first.status).toBe(201)
        expect(second.status).toBe(200)
        expect(second.data.conversation.id).toBe(first.data.conversation.id)
        expect(second.data.conversation.message_count).toBe(2)

        // the affiliate writing "to the team" lands in the same thread
        const fromAffiliate = await http.post("/store/affiliates/me/conversations", { body: "Three" }, team.headers)
        expect(fromAffiliate.status).toBe(200)
        expect(fromAffiliate.data.conversation.id).toBe(first.data.conversation.id)
        expect((await inbox()).count).toBe(1)
      })
    })

    describe("visibility", () => {
      it("members see their team thread and their own thread, nothing else (404)", async () => {
        const team = await program.team("Shared Team", "one@shared.test")
        const two = await program.member(team.affiliate_id, "two@shared.test")
        const other = await program.team("Other Team", "boss@other.test")

        const teamThread = (await newMessage({ affiliate_id: team.affiliate_id, body: "For everyone" })).data.conversation
        const oneThread = (await newMessage({ affiliate_id: team.affiliate_id, member_id: team.member_id, body: "Just for one" })).data.conversation
        expect(oneThread.member).toEqual({ id: team.member_id, first_name: "Shared", last_name: null, email: "one@shared.test" })
        const twoThread = (
          await http.post("/store/affiliates/me/conversations", { body: "Private question", audience: "member" }, two.headers)
        ).data.conversation
        const otherThread = (await newMessage({ affiliate_id: other.affiliate_id, body: "Hello other" })).data.conversation

        const listed = async (member: MemberLogin) =>
          (await http.get("/store/affiliates/me/conversations", member.headers)).data.conversations.map((c: any) => c.id).sort()
        expect(await listed(team)).toEqual([teamThread.id, oneThread.id].sort())
        expect(await listed(two)).toEqual([teamThread.id, twoThread.id].sort())
        expect(await listed(other)).toEqual([otherThread.id])

        for (const [member, hidden] of [
          [two, oneThread.id],
          [team, twoThread.id],
          [team, otherThread.id],
          [other, teamThread.id],
        ] as [MemberLogin, string][]) {
          const base = `/store/affiliates/me/conversations/${hidden}`
          const responses = [
            await http.get(base, member.headers),
            await http.get(`${base}?mark_read=false`, member.headers),
            await http.get(`${base}/messages`, member.headers),
            await http.post(`${base}/messages`, { body: "sneaky" }, member.headers),
            await http.post(`${base}/read`, {}, member.headers),
          ]
          for (const res of responses) {
            expect(res.status).toBe(404)
            expect(JSON.stringify(res.data)).not.toContain("Just for one")
            expect(JSON.stringify(res.data)).not.toContain("Private question")
          }
        }
        // nothing was written by the refused attempts
        expect((await http.get(`/admin/conversations/${oneThread.id}/messages`, adminHeaders)).data.count).toBe(1)
        expect((await http.get("/store/affiliates/me/conversations/conv_missing", team.headers)).status).toBe(404)
        expect((await http.get("/admin/conversations/conv_missing", adminHeaders)).status).toBe(404)
        expect((await http.post("/admin/conversations/conv_missing/read", {}, adminHeaders)).status).toBe(404)
        expect((await http.get("/admin/conversations/conv_missing/messages", adminHeaders)).status).toBe(404)
      })

      it("refuses a member of another affiliate as audience, and unknown affiliates", async () => {
        const team = await program.team("Alpha", "a@alpha.test")
        const other = await program.team("Beta", "b@beta.test")
        await expectNothingWritten(async () => {
          const foreign = await newMessage({ affiliate_id: team.affiliate_id, member_id: other.member_id, body: "Hi" })
          expect(foreign.status).toBe(400)
          expect(foreign.data.message).toMatch(/is not a member of/)
          const unknown = await newMessage({ affiliate_id: "aff_missing", body: "Hi" })
          expect(unknown.status).toBe(404)
        })
      })
    })

    describe("affiliate status and enablement", () => {
      it("owner starts only with active affiliates, writes while pending or active; declined is read-only", async () => {
        const team = await program.team("Status Co", "s@status.test")
        for (const status of ["pending", "declined", "suspended"]) {
          await program.setStatus(team.affiliate_id, status)
          await expectNothingWritten(async () => {
            const res = await newMessage({ affiliate_id: team.affiliate_id, body: "Hello" })
            expect(res.status).toBe(409)
            expect(res.data.message).toMatch(new RegExp(`only be started with an active affiliate; Status Co is ${status}`))
          })
        }
        await program.setStatus(team.affiliate_id, "active")
        const conversation = (await newMessage({ affiliate_id: team.affiliate_id, body: "Hello" })).data.conversation

        await program.setStatus(team.affiliate_id, "pending")
        expect((await newMessage({ affiliate_id: team.affiliate_id, body: "Still pending?" })).status).toBe(200)
        expect(
          (await http.post(`/admin/conversations/${conversation.id}/messages`, { body: "reply" }, adminHeaders)).status
        ).toBe(200)
        expect((await http.post("/store/affiliates/me/conversations", { body: "yes" }, team.headers)).status).toBe(200)

        await program.setStatus(team.affiliate_id, "declined")
        await expectNothingWritten(async () => {
          const owner = await http.post(`/admin/conversations/${conversation.id}/messages`, { body: "x" }, adminHeaders)
          expect(owner.status).toBe(409)
          expect(owner.data.message).toMatch(/declined; its conversations are read-only/)
          const affiliate = await http.post(`/store/affiliates/me/conversations/${conversation.id}/messages`, { body: "x" }, team.headers)
          expect(affiliate.status).toBe(409)
          expect(affiliate.data.message).toMatch(/declined; its conversations are read-only/)
        })
        // history stays readable for both sides
        expect((await http.get(`/store/affiliates/me/conversations/${conversation.id}/messages`, team.headers)).data.count).toBe(4)
        expect((await http.get(`/admin/conversations/${conversation.id}/messages`, adminHeaders)).data.count).toBe(4)

        await program.setStatus(team.affiliate_id, "suspended")
        for (const res of [
          await http.get("/store/affiliates/me/conversations", team.headers),
          await http.get(`/store/affiliates/me/conversations/${conversation.id}`, team.headers),
          await http.get("/store/affiliates/me/messaging", team.headers),
          await http.post("/store/affiliates/me/conversations", { body: "x" }, team.headers),
        ]) {
          expect(res.status).toBe(403)
        }
      })

      it("a disabled group shows its text to affiliates (403) and refuses owners (409) until enabled", async () => {
        const group = (
          await http.post(
            "/admin/affiliate-groups",
            { name: "Coupon sites", messaging_disabled_message: "Please email partners@shop.test" },
            adminHeaders
          )
        ).data.affiliate_group
        const team = await program.team("Deal Hub", "dan@dealhub.test", { group_id: group.id })
        const conversation = (await newMessage({ affiliate_id: team.affiliate_id, body: "Before" })).data.conversation

        await http.post(`/admin/affiliate-groups/${group.id}`, { messaging_enabled: false }, adminHeaders)
        expect(await badge(team)).toEqual({
          enabled: false,
          disabled_message: "Please email partners@shop.test",
          unread_count: 1,
        })
        await expectNothingWritten(async () => {
          const write = await http.post("/store/affiliates/me/conversations", { body: "Hi" }, team.headers)
          expect(write.status).toBe(403)
          expect(write.data.message).toBe("Please email partners@shop.test")
          const reply = await http.post(`/store/affiliates/me/conversations/${conversation.id}/messages`, { body: "Hi" }, team.headers)
          expect(reply.status).toBe(403)
          const owner = await newMessage({ affiliate_id: team.affiliate_id, body: "Hi" })
          expect(owner.status).toBe(409)
          expect(owner.data.message).toMatch(/disabled for the affiliate group "Coupon sites"/)
        })
        // reading history still works
        expect((await http.get(`/store/affiliates/me/conversations/${conversation.id}/messages`, team.headers)).status).toBe(200)

        await http.post(`/admin/affiliate-groups/${group.id}`, { messaging_enabled: true }, adminHeaders)
        expect((await badge(team)).enabled).toBe(true)
        expect((await http.post("/store/affiliates/me/conversations", { body: "Back" }, team.headers)).status).toBe(200)
        expect((await newMessage({ affiliate_id: team.affiliate_id, body: "Welcome back" })).status).toBe(200)
      })

      it("the global switch does the same for every affiliate, with a default text", async () => {
        const team = await program.team("Global Co", "g@global.test")
        expect((await http.get("/admin/messaging/settings", adminHeaders)).data).toEqual({
          settings: { enabled: true, notification_emails: [] },
        })
        const off = await http.post("/admin/messaging/settings", { enabled: false }, adminHeaders)
        expect(off.data.settings).toEqual({ enabled: false, notification_emails: [] })

        const status = await badge(team)
        expect(status.enabled).toBe(false)
        expect(status.disabled_message).toEqual(expect.any(String))
        const write = await http.post("/store/affiliates/me/conversations", { body: "Hi" }, team.headers)
        expect(write.status).toBe(403)
        expect(write.data.message).toBe(status.disabled_message)
        const owner = await newMessage({ affiliate_id: team.affiliate_id, body: "Hi" })
        expect(owner.status).toBe(409)
        expect(owner.data.message).toMatch(/turned off for the whole program/)

        const on = await http.post(
          "/admin/messaging/settings",
          { enabled: true, notification_emails: ["Partners@Shop.test", "partners@shop.test"] },
          adminHeaders
        )
        expect(on.data.settings).toEqual({ enabled: true, notification_emails: ["partners@shop.test"] })
        expect((await newMessage({ affiliate_id: team.affiliate_id, body: "Hi" })).status).toBe(201)

        for (const body of [{ enabled: "yes" }, { notification_emails: ["nope"] }, { colour: "red" }]) {
          expect((await http.post("/admin/messaging/settings", body, adminHeaders)).status).toBe(400)
        }
      })
    })

    describe("workflow hooks", () => {
      it("runs a store's validate and messageCreated handlers; a throwing validate refuses the send with nothing written", async () => {
        const team = await program.team("Hooked Co", "h@hooked.test")
        hookCalls.validate = []
        hookCalls.messageCreated = []

        const sent = await newMessage({ affiliate_id: team.affiliate_id, body: "Hello hooks" })
        expect(sent.status).toBe(201)
        expect(hookCalls.validate).toEqual([
          expect.objectContaining({
            input: expect.objectContaining({ affiliate_id: team.affiliate_id, body: "Hello hooks" }),
            context: expect.objectContaining({ affiliate: expect.objectContaining({ id: team.affiliate_id }) }),
          }),
        ])
        expect(hookCalls.messageCreated).toEqual([
          {
            message: expect.objectContaining({ id: sent.data.message.id, body: "Hello hooks", author_type: "owner" }),
            conversation_id: sent.data.conversation.id,
            created: true,
          },
        ])

        await expectNothingWritten(async () => {
          const refused = await newMessage({ affiliate_id: team.affiliate_id, body: `say ${FORBIDDEN_WORD} now` })
          expect(refused.status).toBe(400)
          expect(refused.data).toEqual({ type: "not_allowed", message: `Messages may not contain "${FORBIDDEN_WORD}"` })
        })
        expect(hookCalls.validate).toHaveLength(2)
        expect(hookCalls.messageCreated).toHaveLength(1)
      })
    })

    describe("bad input", () => {
      it.each([
        ["an empty body", { body: "" }],
        ["a whitespace body", { body: "   \n\t " }],
        ["a body of 10,001 characters", { body: "x".repeat(10_001) }],
        ["a body that is not a string", { body: 42 }],
        ["a missing body", {}],
        ["a NUL character", { body: "a\u0000b" }],
        ["an unknown field", { body: "Hi", subject: "x" }],
        ["more than 10 attachments", { body: "Hi", attachment_ids: Array(11).fill("matt_1") }],
        ["an attachment that does not exist", { body: "Hi", attachment_ids: ["matt_missing"] }],
      ])("answers 400 to %s on every send route and writes nothing", async (_, body) => {
        const team = await program.team("Strict Co", "s@strict.test")
        const conversation = (await newMessage({ affiliate_id: team.affiliate_id, body: "Existing" })).data.conversation
        await expectNothingWritten(async () => {
          for (const res of [
            await newMessage({ affiliate_id: team.affiliate_id, ...body }),
            await http.post(`/admin/conversations/${conversation.id}/messages`, body, adminHeaders),
            await http.post("/store/affiliates/me/conversations", body, team.headers),
            await http.post(`/store/affiliates/me/conversations/${conversation.id}/messages`, body, team.headers),
          ]) {
            expect(res.status).toBe(400)
            expect(res.data.message).toEqual(expect.any(String))
          }
        })
      })

      it("accepts exactly 10,000 characters and unicode", async () => {
        const team = await program.team("Long Co", "l@long.test")
        const body = "é".repeat(9_990) + "👋🏽 שלום"
        const res = await newMessage({ affiliate_id: team.affiliate_id, body })
        expect(res.status).toBe(201)
        expect(res.data.message.body).toBe(body)
        expect(Array.from(res.data.conversation.last_message_preview)).toHaveLength(200)
      })

      it("has no route that edits or deletes a message", async () => {
        const team = await program.team("Keep Co", "k@keep.test")
        const { conversation, message } = (await newMessage({ affiliate_id: team.affiliate_id, body: "Forever" })).data
        for (const res of [
          await http.delete(`/admin/conversations/${conversation.id}/messages/${message.id}`, adminHeaders),
          await http.post(`/admin/conversations/${conversation.id}/messages/${message.id}`, { body: "edited" }, adminHeaders),
          await http.delete(`/admin/conversations/${conversation.id}`, adminHeaders),
          await http.delete(`/store/affiliates/me/conversations/${conversation.id}`, team.headers),
        ]) {
          expect(res.status).toBe(404)
        }
        const messages = (await http.get(`/admin/conversations/${conversation.id}/messages`, adminHeaders)).data.messages
        expect(messages).toEqual([expect.objectContaining({ id: message.id, body: "Forever" })])
      })

      it("needs authentication on every messaging route", async () => {
        const team = await program.team("Auth Co", "a@auth.test")
        for (const [method, url] of [
          ["get", "/admin/conversations"],
          ["post", "/admin/conversations"],
          ["get", "/admin/conversations/conv_1"],
          ["get", "/admin/conversations/conv_1/messages"],
          ["post", "/admin/conversations/conv_1/messages"],
          ["post", "/admin/conversations/conv_1/read"],
          ["post", "/admin/conversations/conv_1/unread"],
          ["get", "/admin/messaging/settings"],
          ["post", "/admin/messaging/settings"],
        ]) {
          const res = method === "get" ? await http.get(url, team.headers) : await http.post(url, {}, team.headers)
          expect(res.status).toBe(401)
        }
        const pk = { "x-publishable-api-key": program.publishableKey }
        for (const url of ["/store/affiliates/me/messaging", "/store/affiliates/me/conversations"]) {
          expect((await http.get(url, pk)).status).toBe(401)
          expect((await http.get(url, { ...adminHeaders, ...pk })).status).toBe(401)
          expect((await http.get(url, { authorization: team.headers.authorization })).status).toBe(400)
        }
      })
    })

    describe("concurrency and ordering", () => {
      it("20 concurrent New Message calls for a new audience make exactly one conversation", async () => {
        const team = await program.team("Rush Co", "r@rush.test")
        const results = await Promise.all(
          Array.from({ length: 20 }, (_, i) => newMessage({ affiliate_id: team.affiliate_id, body: `Hello ${i}` }))
        )
        expect(results.map((r) => r.status).sort((a, b) => a - b)).toEqual([...Array(19).fill(200), 201])
        const ids = new Set(results.map((r) => r.data.conversation.id))
        expect(ids.size).toBe(1)
        const rows = await dbConnection.raw(
          "select count(*)::int as n from affiliate_conversation where affiliate_id = ?",
          [team.affiliate_id]
        )
        expect(rows.rows[0].n).toBe(1)
        const messages = await http.get(`/admin/conversations/${[...ids][0]}/messages?limit=100`, adminHeaders)
        expect(messages.data.count).toBe(20)
      })

      it("50 concurrent replies make 50 messages, each listed once, in a stable order", async () => {
        const team = await program.team("Busy Co", "b@busy.test")
        const { conversation } = (await newMessage({ affiliate_id: team.affiliate_id, body: "Start" })).data
        const results = await Promise.all(
          Array.from({ length: 50 }, (_, i) =>
            i % 2
              ? http.post(`/admin/conversations/${conversation.id}/messages`, { body: `owner ${i}` }, adminHeaders)
              : http.post(`/store/affiliates/me/conversations/${conversation.id}/messages`, { body: `affiliate ${i}` }, team.headers)
          )
        )
        expect(results.every((r) => r.status === 200)).toBe(true)
        const first = (await http.get(`/admin/conversations/${conversation.id}/messages?limit=100`, adminHeaders)).data
        const again = (await http.get(`/store/affiliates/me/conversations/${conversation.id}/messages?limit=100`, team.headers)).data
        expect(first.count).toBe(51)
        const ids = first.messages.map((m: any) => m.id)
        expect(new Set(ids).size).toBe(51)
        expect(again.messages.map((m: any) => m.id)).toEqual(ids)
        const times = first.messages.map((m: any) => Date.parse(m.created_at))
        expect([...times].sort((a, b) => a - b)).toEqual(times)
        for (const r of results) {
          expect(ids).toContain(r.data.message.id)
        }
        const view = (await http.get(`/admin/conversations/${conversation.id}?mark_read=false`, adminHeaders)).data
        expect(view.conversation.message_count).toBe(51)
        expect(view.conversation.last_message_at).toBe(first.messages[50].created_at)
      })

      it("pages a long thread with cursors, oldest first", async () => {
        const team = await program.team("Paging Co", "p@paging.test")
        const { conversation } = (await newMessage({ affiliate_id: team.affiliate_id, body: "m0" })).data
        // 60 messages: more than the default page of 50, few enough to seed quickly on a busy machine
        for (let i = 1; i < 60; i++) {
          await http.post(`/admin/conversations/${conversation.id}/messages`, { body: `m${i}` }, adminHeaders)
        }
        const url = `/admin/conversations/${conversation.id}/messages`
        const latest = (await http.get(url, adminHeaders)).data
        expect(latest.count).toBe(60)
        expect(latest.limit).toBe(50)
        expect(latest.offset).toBe(10)
        expect(latest.messages.map((m: any) => m.body)).toEqual(Array.from({ length: 50 }, (_, i) => `m${10 + i}`))

        const older = (await http.get(`${url}?before=${latest.messages[0].id}&limit=6`, adminHeaders)).data
        expect(older.messages.map((m: any) => m.body)).toEqual(Array.from({ length: 6 }, (_, i) => `m${4 + i}`))
        expect(older.offset).toBe(4)

        const newer = (await http.get(`${url}?after=${older.messages[5].id}&limit=5`, adminHeaders)).data
        expect(newer.messages.map((m: any) => m.body)).toEqual(["m10", "m11", "m12", "m13", "m14"])

        const first = (await http.get(`${url}?offset=0&limit=3`, adminHeaders)).data
        expect(first.messages.map((m: any) => m.body)).toEqual(["m0", "m1", "m2"])

        // after the last message: an empty page, still counted
        const end = (await http.get(`${url}?after=${latest.messages[49].id}`, adminHeaders)).data
        expect(end).toMatchObject({ messages: [], count: 60, offset: 60 })
        // a cursor from another thread is 400; a thread that does not exist 404, whatever the cursor
        const other = await program.team("Other Paging Co", "o@paging.test")
        const elsewhere = (await newMessage({ affiliate_id: other.affiliate_id, body: "elsewhere" })).data.message
        const foreignCursor = await http.get(`${url}?before=${elsewhere.id}`, adminHeaders)
        expect(foreignCursor.status).toBe(400)
        expect(foreignCursor.data.message).toBe(`Message ${elsewhere.id} is not in this conversation`)
        expect((await http.get(`/admin/conversations/conv_missing/messages?before=${latest.messages[0].id}`, adminHeaders)).status).toBe(404)

        for (const search of ["limit=101", "limit=0", `before=${latest.messages[0].id}&after=${latest.messages[1].id}`, "before=msg_missing", "colour=red"]) {
          expect((await http.get(`${url}?${search}`, adminHeaders)).status).toBe(400)
        }
      })
    })

    describe("inbox filters and search", () => {
      it("filters by group, manager, status, affiliate and member; unread_count ignores filters", async () => {
        const creators = (await http.post("/admin/affiliate-groups", { name: "Creators" }, adminHeaders)).data.affiliate_group
        const agencies = (await http.post("/admin/affiliate-groups", { name: "Agencies" }, adminHeaders)).data.affiliate_group
        const alpha = await program.team("Alpha Media", "hello@alpha.test", { group_id: creators.id, manager_id: program.admin.user.id })
        const bravo = await program.team("Bravo Reviews", "team@bravo-deals.test", { group_id: agencies.id })
        const charlie = await program.team("Charlie", "c@charlie.test")

        const alphaThread = (await newMessage({ affiliate_id: alpha.affiliate_id, body: "About the summer campaign" })).data.conversation
        const alphaMember = (await newMessage({ affiliate_id: alpha.affiliate_id, member_id: alpha.member_id, body: "Personal note" })).data.conversation
        const bravoThread = (await http.post("/store/affiliates/me/conversations", { body: "Question about payouts" }, bravo.headers)).data.conversation
        const charlieThread = (await newMessage({ affiliate_id: charlie.affiliate_id, body: "Hi Charlie" })).data.conversation

        const ids = async (search: string) => (await inbox(search)).conversations.map((c: any) => c.id).sort()

        expect(await ids("")).toEqual([alphaThread.id, alphaMember.id, bravoThread.id, charlieThread.id].sort())
        expect(await ids(`?group_id=${creators.id}`)).toEqual([alphaThread.id, alphaMember.id].sort())
        expect(await ids(`?group_id=${creators.id}&group_id=${agencies.id}`)).toHaveLength(3)
        expect(await ids(`?manager_id=${program.admin.user.id}`)).toEqual([alphaThread.id, alphaMember.id].sort())
        expect(await ids(`?affiliate_id=${charlie.affiliate_id}`)).toEqual([charlieThread.id])
        expect(await ids(`?member_id=${alpha.member_id}`)).toEqual([alphaMember.id])
        expect(await ids("?unread=true")).toEqual([bravoThread.id])
        expect(await ids("?unread=false")).toHaveLength(3)

        const filtered = await inbox(`?affiliate_id=${charlie.affiliate_id}`)
        expect(filtered.count).toBe(1)
        expect(filtered.unread_count).toBe(1)

        // search: affiliate name, email and message text
        expect(await ids("?q=alpha")).toEqual([alphaThread.id, alphaMember.id].sort())
        expect(await ids("?q=bravo-deals")).toEqual([bravoThread.id])
        expect(await ids("?q=payout")).toEqual([bravoThread.id])
        expect(await ids("?q=SUMMER%20campaign")).toEqual([alphaThread.id])
        expect(await ids("?q=ALPHA%20media")).toEqual([alphaThread.id, alphaMember.id].sort())
        expect(await ids("?q=Hello%40Alpha.TEST")).toEqual([alphaThread.id, alphaMember.id].sort())
        // name and email are matched one at a time, never across the two
        expect(await ids("?q=media%20hello")).toEqual([])
        expect(await ids("?q=media%0Ahello")).toEqual([])
        expect(await ids("?q=nothing-matches")).toEqual([])
        expect(await ids("?q=100%25")).toEqual([])

        // status and group changes reach the filters at once
        await program.setStatus(charlie.affiliate_id, "pending")
        expect(await ids("?affiliate_status=pending")).toEqual([charlieThread.id])
        expect(await ids("?affiliate_status=pending&affiliate_status=declined")).toEqual([charlieThread.id])
        await http.post(`/admin/affiliates/${charlie.affiliate_id}`, { group_id: agencies.id, name: "Charlie Partners" }, adminHeaders)
        expect(await ids(`?group_id=${agencies.id}`)).toEqual([bravoThread.id, charlieThread.id].sort())
        expect(await ids("?q=partners")).toEqual([charlieThread.id])
        const renamed = (await inbox(`?affiliate_id=${charlie.affiliate_id}`)).conversations[0]
        expect(renamed.affiliate).toEqual(expect.objectContaining({ name: "Charlie Partners", status: "pending", group_id: agencies.id }))

        await http.delete(`/admin/affiliate-groups/${agencies.id}`, adminHeaders)
        expect(await ids(`?group_id=${agencies.id}`)).toEqual([])

        for (const search of ["?affiliate_status=vip", "?unread=maybe", "?limit=500", "?sort=x"]) {
          const res = await http.get(`/admin/conversations${search}`, adminHeaders)
          expect(res.status).toBe(400)
        }
      })

      it("a member's new name reaches every list of its thread at once; old threads are filled by the migration script", async () => {
        const team = await program.team("Rename Co", "old@rename.test")
        const thread = (await newMessage({ affiliate_id: team.affiliate_id, member_id: team.member_id, body: "Hello you" })).data.conversation
        expect(thread.member).toEqual({ id: team.member_id, first_name: "Rename", last_name: null, email: "old@rename.test" })

        const update = await http.post("/store/affiliates/me", { first_name: "Renée", last_name: "Park" }, team.headers)
        expect(update.status).toBe(200)
        const renamed = { id: team.member_id, first_name: "Renée", last_name: "Park", email: "old@rename.test" }
        expect((await inbox(`?member_id=${team.member_id}`)).conversations[0].member).toEqual(renamed)
        expect((await http.get(`/admin/conversations/${thread.id}`, adminHeaders)).data.conversation.member).toEqual(renamed)
        const own = (await http.get("/store/affiliates/me/conversations", team.headers)).data.conversations
        expect(own.find((c: any) => c.id === thread.id).member).toEqual(renamed)

        // a thread written before the member columns existed
        await dbConnection.raw(
          "update affiliate_conversation set member_first_name = null, member_last_name = null, member_email = null where id = ?",
          [thread.id]
        )
        await mirrorMemberNames({ container: getContainer() })
        expect((await inbox(`?member_id=${team.member_id}`)).conversations[0].member).toEqual(renamed)
      })

      it("orders by newest activity and paginates", async () => {
        const teams = []
        for (const name of ["One", "Two", "Three"]) {
          teams.push(await program.team(name, `${name.toLowerCase()}@order.test`))
        }
        for (const team of teams) {
          await newMessage({ affiliate_id: team.affiliate_id, body: "hi" })
        }
        await newMessage({ affiliate_id: teams[0].affiliate_id, body: "bump" })
        const page = await inbox("?limit=2&offset=0")
        expect(page.conversations.map((c: any) => c.affiliate.name)).toEqual(["One", "Three"])
        expect(page).toEqual(expect.objectContaining({ count: 3, offset: 0, limit: 2 }))
        expect((await inbox("?limit=2&offset=2")).conversations.map((c: any) => c.affiliate.name)).toEqual(["Two"])
      })

      it("affiliate unread is per member and counts conversations, not messages", async () => {
        const team = await program.team("Count Co", "one@count.test")
        const two = await program.member(team.affiliate_id, "two@count.test")
        const teamThread = (await newMessage({ affiliate_id: team.affiliate_id, body: "1" })).data.conversation
        await newMessage({ affiliate_id: team.affiliate_id, body: "2" })
        await newMessage({ affiliate_id: team.affiliate_id, member_id: two.member_id, body: "for two" })

        expect((await badge(team)).unread_count).toBe(1)
        expect((await badge(two)).unread_count).toBe(2)
        await http.post(`/store/affiliates/me/conversations/${teamThread.id}/read`, {}, team.headers)
        expect((await badge(team)).unread_count).toBe(0)
        expect((await badge(two)).unread_count).toBe(2)
        const unread = await http.get("/store/affiliates/me/conversations?unread=true", two.headers)
        expect(unread.data.count).toBe(2)
        const read = await http.get("/store/affiliates/me/conversations?unread=false", team.headers)
        expect(read.data.conversations.map((c: any) => c.id)).toEqual([teamThread.id])
      })
    })
  },
})
