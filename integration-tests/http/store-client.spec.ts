import Medusa from "@medusajs/js-sdk"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import {
  AffiliateMessagingError,
  createAffiliateMessagingClient,
  type AffiliateMessagingClient,
  type Attachment,
} from "medusa-plugin-affiliate-messaging-storefront"
import { jwtPayload } from "../helpers/actors"
import { FIXTURES } from "../helpers/fixtures"
import { httpClient, HttpClient } from "../helpers/http-client"
import { createProgram, MemberLogin } from "../helpers/program"

jest.setTimeout(120_000)

// the password the helpers give every login they create
const PASSWORD = "correct-horse-battery"

/** The failure a client call ends with; fails the test if it succeeded or threw something else. */
async function rejection(call: Promise<unknown>): Promise<AffiliateMessagingError> {
  const outcome = await call.then(
    () => new Error("expected the call to fail"),
    (error: unknown) => error
  )
  expect(outcome).toBeInstanceOf(AffiliateMessagingError)
  return outcome as AffiliateMessagingError
}

const bytesOf = async (blob: Blob) => Buffer.from(await blob.arrayBuffer())

/**
 * The storefront client (`medusa-plugin-affiliate-messaging/client`) against
 * the running app, over real HTTP with Node's fetch. One app boot: the
 * program (admin, publishable key, two active teams) is built once in
 * `beforeAll`; the runner snapshots the database after it and restores that
 * snapshot before every test, so each test starts from the same program.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let http: HttpClient
    let program: Awaited<ReturnType<typeof createProgram>>
    let baseUrl: string
    let team: MemberLogin
    let other: MemberLogin

    beforeAll(async () => {
      http = httpClient(api)
      baseUrl = api.defaults.baseURL!
      program = await createProgram(http, getContainer())
      team = await program.team("Northwind Media", "ann@northwind.test")
      other = await program.team("Other Team", "olga@other.test")
    })

    const client = (extra: { token?: string | null; onTokenChange?: (token: string | null) => void } = {}) =>
      createAffiliateMessagingClient({ baseUrl, publishableKey: program.publishableKey, ...extra })
    /** A client holding a member's login made by the helpers. */
    const as = (member: MemberLogin) => client({ token: member.headers.authorization.replace(/^Bearer /, "") })

    const adminMessage = async (body: Record<string, unknown>) => {
      const res = await http.post("/admin/conversations", body, program.admin.headers)
      expect([200, 201]).toContain(res.status)
      return res.data as { conversation: { id: string }; message: { id: string } }
    }
    const adminReply = async (conversationId: string, body: string) => {
      const res = await http.post(`/admin/conversations/${conversationId}/messages`, { body }, program.admin.headers)
      expect(res.status).toBe(200)
      return res.data.message
    }

    describe("auth and account", () => {
      it("signs up, logs in, reads and updates the account with the client alone", async () => {
        const tokens: (string | null)[] = []
        const ann = client({ onTokenChange: (token) => tokens.push(token) })
        const credentials = { email: "hana@harbor.test", password: PASSWORD }

        const registration = await ann.auth.register(credentials)
        expect(jwtPayload(registration)).toEqual(expect.objectContaining({ actor_type: "affiliate", actor_id: "" }))

        const signedUp = await ann.account.signUp({
          name: "Harbor Deals",
          email: "Hana@Harbor.test",
          first_name: "Hana",
          last_name: "Ito",
        })
        expect(signedUp.affiliate).toEqual(
          expect.objectContaining({
            id: expect.stringMatching(/^aff_/),
            name: "Harbor Deals",
            email: "hana@harbor.test",
            // autoApproveAffiliates is off in this suite
            status: "pending",
            group_id: null,
          })
        )
        expect(signedUp.member).toEqual(
          expect.objectContaining({
            id: expect.stringMatching(/^affmem_/),
            affiliate_id: signedUp.affiliate.id,
            email: "hana@harbor.test",
            first_name: "Hana",
            last_name: "Ito",
            role: "owner",
            email_notifications: true,
          })
        )

        const token = await ann.auth.login(credentials)
        expect(jwtPayload(token)).toEqual(
          expect.objectContaining({ actor_type: "affiliate", actor_id: signedUp.member.id })
        )
        expect(await ann.account.retrieve()).toEqual(signedUp)

        const updated = await ann.account.update({ email_notifications: false })
        expect(updated.member).toEqual({ ...signedUp.member, email_notifications: false, updated_at: expect.any(String) })
        expect((await ann.account.retrieve()).member.email_notifications).toBe(false)

        // the admin sees the new team and its owner
        const members = await http.get(`/admin/affiliates/${signedUp.affiliate.id}/members`, program.admin.headers)
        expect(members.data.members).toEqual([
          expect.objectContaining({ id: signedUp.member.id, email_notifications: false }),
        ])

        // a client built later from the stored token carries on
        expect((await client({ token }).account.retrieve()).member.id).toBe(signedUp.member.id)

        await ann.auth.logout()
        expect(tokens).toEqual([registration, token, null])
        const loggedOut = await rejection(ann.account.retrieve())
        expect(loggedOut.status).toBe(401)
        expect(loggedOut.isUnauthorized).toBe(true)
      })

      it("joins a team through an admin's invite: register, accept, log in", async () => {
        const invite = await http.post(
          `/admin/affiliates/${team.affiliate_id}/invites`,
          { email: "ben@northwind.test" },
          program.admin.headers
        )
        expect(invite.status).toBe(200)
        const inviteToken = new URL(invite.data.invite.accept_url).searchParams.get("token")!

        const ben = client()
        const credentials = { email: "ben@northwind.test", password: PASSWORD }
        await ben.auth.register(credentials)
        const accepted = await ben.account.acceptInvite({ token: inviteToken, first_name: "Ben" })
        expect(accepted.affiliate).toEqual(
          expect.objectContaining({ id: team.affiliate_id, name: "Northwind Media", status: "active" })
        )
        expect(accepted.member).toEqual(
          expect.objectContaining({
            id: expect.stringMatching(/^affmem_/),
            affiliate_id: team.affiliate_id,
            email: "ben@northwind.test",
            first_name: "Ben",
            role: "member",
          })
        )

        await ben.auth.login(credentials)
        const me = await ben.account.retrieve()
        expect(me.member.id).toBe(accepted.member.id)
        expect(me.affiliate.id).toBe(team.affiliate_id)
        const members = await http.get(`/admin/affiliates/${team.affiliate_id}/members`, program.admin.headers)
        expect(members.data.count).toBe(2)

        // the invite is spent: a second login cannot use it
        const late = client()
        await late.auth.register({ email: "late@northwind.test", password: PASSWORD })
        const reused = await rejection(late.account.acceptInvite({ token: inviteToken }))
        expect(reused.status).toBe(409)
        expect(reused.message).toMatch(/already been used/)
      })
    })

    describe("messaging", () => {
      it("status and read state follow the owner's messages", async () => {
        const ann = as(team)
        expect(await ann.messaging.status()).toEqual({
          messaging: { enabled: true, disabled_message: null, unread_count: 0 },
        })

        const { conversation } = await adminMessage({ affiliate_id: team.affiliate_id, body: "Welcome aboard" })
        expect((await ann.messaging.status()).messaging.unread_count).toBe(1)

        const unread = await ann.conversations.list({ unread: true })
        expect(unread).toEqual({
          conversations: [
            expect.objectContaining({ id: conversation.id, unread: true, message_count: 1, member: null }),
          ],
          count: 1,
          offset: 0,
          limit: 20,
        })

        // a peek leaves it unread
        const peek = await ann.conversations.retrieve(conversation.id, { markRead: false })
        expect(peek.conversation).toEqual(
          expect.objectContaining({ id: conversation.id, unread: true, last_message_preview: "Welcome aboard" })
        )
        expect((await ann.messaging.status()).messaging.unread_count).toBe(1)

        // opening it reads it
        const opened = await ann.conversations.retrieve(conversation.id)
        expect(opened.conversation.unread).toBe(false)
        expect((await ann.messaging.status()).messaging.unread_count).toBe(0)
        expect(await ann.conversations.list({ unread: true })).toEqual(
          expect.objectContaining({ conversations: [], count: 0 })
        )
        expect((await ann.conversations.list()).conversations.map((c) => c.id)).toEqual([conversation.id])

        // a new owner message, then marked read explicitly
        await adminReply(conversation.id, "Your link is in the dashboard")
        expect((await ann.messaging.status()).messaging.unread_count).toBe(1)
        const marked = await ann.conversations.markRead(conversation.id)
        expect(marked.conversation).toEqual(expect.objectContaining({ id: conversation.id, unread: false, message_count: 2 }))
        expect((await ann.messaging.status()).messaging.unread_count).toBe(0)

        // the affiliate replies: unread for the owners, not for the affiliate
        const reply = await ann.conversations.reply(conversation.id, { body: "  Found it, thanks!  " })
        expect(reply.message).toEqual({
          id: expect.stringMatching(/^msg_/),
          conversation_id: conversation.id,
          author_type: "affiliate",
          author: { id: team.member_id, name: "Northwind" },
          body: "Found it, thanks!",
          source: "app",
          broadcast_id: null,
          attachments: [],
          created_at: expect.any(String),
        })
        expect((await ann.messaging.status()).messaging.unread_count).toBe(0)
        const inbox = await http.get("/admin/conversations?unread=true", program.admin.headers)
        expect(inbox.data.conversations).toEqual([
          expect.objectContaining({ id: conversation.id, unread: true, message_count: 3, last_message_preview: "Found it, thanks!" }),
        ])
      })

      it("writes to the team thread and to the member's own thread", async () => {
        const ann = as(team)
        const two = as(await program.member(team.affiliate_id, "two@northwind.test"))

        const first = await ann.conversations.create({ body: "Hello from the team" })
        expect(first.conversation).toEqual(
          expect.objectContaining({
            id: expect.stringMatching(/^conv_/),
            affiliate: expect.objectContaining({ id: team.affiliate_id, name: "Northwind Media" }),
            member: null,
            message_count: 1,
            unread: false,
            last_message_preview: "Hello from the team",
          })
        )
        expect(first.message).toEqual(
          expect.objectContaining({ conversation_id: first.conversation.id, author_type: "affiliate", body: "Hello from the team" })
        )
        // writing to the team again appends to the same thread, whoever writes
        const again = await two.conversations.create({ body: "Me too", audience: "team" })
        expect(again.conversation.id).toBe(first.conversation.id)
        expect(again.conversation.message_count).toBe(2)

        const own = await two.conversations.create({ body: "Just between us", audience: "member" })
        expect(own.conversation.id).not.toBe(first.conversation.id)
        expect(own.conversation.member).toEqual(expect.objectContaining({ email: "two@northwind.test" }))

        // ann sees the team thread only; two sees both
        expect((await ann.conversations.list()).conversations.map((c) => c.id)).toEqual([first.conversation.id])
        expect((await two.conversations.list()).conversations.map((c) => c.id).sort()).toEqual(
          [first.conversation.id, own.conversation.id].sort()
        )
        expect((await rejection(ann.conversations.retrieve(own.conversation.id))).status).toBe(404)

        // the owners got both
        const inbox = await http.get(`/admin/conversations?affiliate_id=${team.affiliate_id}`, program.admin.headers)
        expect(inbox.data.count).toBe(2)
        expect(inbox.data.unread_count).toBe(2)
      })

      it("pages a thread with limit, before and after, oldest first", async () => {
        const ann = as(team)
        const { conversation } = await adminMessage({ affiliate_id: team.affiliate_id, body: "m0" })
        for (let i = 1; i < 7; i++) {
          await adminReply(conversation.id, `m${i}`)
        }
        const bodies = (page: { messages: { body: string }[] }) => page.messages.map((m) => m.body)
        const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => `m${from + i}`)

        const all = await ann.conversations.messages(conversation.id)
        expect(bodies(all)).toEqual(range(0, 7))
        expect(all).toEqual(expect.objectContaining({ count: 7, offset: 0, limit: 50 }))

        const latest = await ann.conversations.messages(conversation.id, { limit: 3 })
        expect(bodies(latest)).toEqual(range(4, 7))
        expect(latest).toEqual(expect.objectContaining({ count: 7, offset: 4, limit: 3 }))

        const older = await ann.conversations.messages(conversation.id, { before: latest.messages[0].id, limit: 3 })
        expect(bodies(older)).toEqual(range(1, 4))
        expect(older.offset).toBe(1)

        const oldest = await ann.conversations.messages(conversation.id, { before: older.messages[0].id, limit: 3 })
        expect(bodies(oldest)).toEqual(["m0"])

        const newer = await ann.conversations.messages(conversation.id, { after: older.messages[2].id, limit: 2 })
        expect(bodies(newer)).toEqual(["m4", "m5"])

        const head = await ann.conversations.messages(conversation.id, { offset: 0, limit: 2 })
        expect(bodies(head)).toEqual(["m0", "m1"])

        // reading messages does not mark the thread read; retrieve does
        expect((await ann.messaging.status()).messaging.unread_count).toBe(1)
      })
    })

    describe("attachments", () => {
      it("uploads files, sends them and downloads the same bytes", async () => {
        const ann = as(team)
        const banner = new File([FIXTURES.png], "banner.png", { type: "image/png" })
        // a nameless Blob with a misleading type: named by position, typed by content (the type's extension added)
        const terms = new Blob([FIXTURES.pdf], { type: "text/plain" })
        const progress: number[] = []

        const { attachments } = await ann.attachments.upload([banner, terms], { onProgress: (f) => progress.push(f) })
        expect(attachments).toEqual([
          {
            id: expect.stringMatching(/^matt_/),
            filename: "banner.png",
            mime_type: "image/png",
            size: FIXTURES.png.length,
            url: expect.stringMatching(/^\/store\/affiliates\/me\/attachments\/matt_/),
          },
          {
            id: expect.stringMatching(/^matt_/),
            filename: "file-2.pdf",
            mime_type: "application/pdf",
            size: FIXTURES.pdf.length,
            url: expect.stringMatching(/^\/store\/affiliates\/me\/attachments\/matt_/),
          },
        ])
        expect(progress).toEqual([1])

        // the uploader can fetch an unsent upload
        expect((await bytesOf(await ann.attachments.download(attachments[0]))).equals(FIXTURES.png)).toBe(true)

        const sent = await ann.conversations.create({ body: "", attachment_ids: attachments.map((a) => a.id) })
        expect(sent.message.attachments.map((a) => a.id).sort()).toEqual(attachments.map((a) => a.id).sort())

        // as the thread lists them, downloaded through the client
        const { messages } = await ann.conversations.messages(sent.conversation.id)
        const listed: Attachment[] = messages[0].attachments
        const png = await ann.attachments.download(listed.find((a) => a.filename === "banner.png")!)
        expect(png.type).toContain("image/png")
        expect((await bytesOf(png)).equals(FIXTURES.png)).toBe(true)
        const pdf = await ann.attachments.download(listed.find((a) => a.filename === "file-2.pdf")!)
        expect((await bytesOf(pdf)).equals(FIXTURES.pdf)).toBe(true)

        // the owner receives the same file
        const adminCopy = await api.get(`/admin/messaging/attachments/${attachments[0].id}`, {
          headers: program.admin.headers,
          responseType: "arraybuffer",
        })
        expect(Buffer.from(adminCopy.data).equals(FIXTURES.png)).toBe(true)

        // another affiliate cannot download it
        const denied = await rejection(as(other).attachments.download(listed[0]))
        expect(denied.status).toBe(404)
      })

      it("refuses a file type by content with 415 and the server's message", async () => {
        const ann = as(team)
        const fake = new File([FIXTURES.elf], "cute.png", { type: "image/png" })
        const refused = await rejection(ann.attachments.upload([fake]))

        // the same upload made by hand: the client passes the answer through
        const form = new FormData()
        form.append("files", fake, "cute.png")
        const raw = await fetch(`${baseUrl}/store/affiliates/me/attachments`, {
          method: "POST",
          headers: team.headers,
          body: form,
        })
        expect(raw.status).toBe(415)
        const body = await raw.json()
        expect(body.message).toMatch(/file type not allowed/)
        expect(refused).toEqual(expect.objectContaining({ status: 415, type: body.type, message: body.message }))
      })
    })

    describe("errors", () => {
      /** Asserts the client's error carries what the server answered. */
      const expectServerError = async (
        call: Promise<unknown>,
        raw: Promise<{ status: number; data: any }>,
        expected: { status: number; type: string }
      ) => {
        const error = await rejection(call)
        const answer = await raw
        expect(answer.status).toBe(expected.status)
        expect(answer.data).toEqual({ type: expected.type, message: expect.any(String) })
        expect(error).toBeInstanceOf(Error)
        expect(error).toEqual(
          expect.objectContaining({ name: "AffiliateMessagingError", ...expected, message: answer.data.message })
        )
        return error
      }

      it("401 without a token, 400 for invalid input", async () => {
        const anonymous = await rejection(client().messaging.status())
        // Medusa's authenticate middleware answers 401 without a type; the client fills it in
        const raw = await http.get("/store/affiliates/me/messaging", { "x-publishable-api-key": program.publishableKey })
        expect(raw).toEqual(expect.objectContaining({ status: 401, data: { message: "Unauthorized" } }))
        expect(anonymous).toEqual(
          expect.objectContaining({ status: 401, type: "unauthorized", message: "Unauthorized", isUnauthorized: true })
        )

        const ann = as(team)
        const empty = await expectServerError(
          ann.conversations.create({} as never),
          http.post("/store/affiliates/me/conversations", {}, team.headers),
          { status: 400, type: "invalid_data" }
        )
        expect(empty.isUnauthorized).toBe(false)
        expect(await rejection(ann.account.update({ role: "owner" } as never))).toEqual(
          expect.objectContaining({ status: 400, type: "invalid_data" })
        )
        expect((await rejection(ann.conversations.list({ limit: 0 }))).status).toBe(400)
        // nothing was written
        expect((await ann.conversations.list()).count).toBe(0)
        expect((await ann.account.retrieve()).member).toEqual(expect.objectContaining({ role: "owner" }))
      })

      it("404 for another affiliate's conversation, on every route", async () => {
        const { conversation } = await adminMessage({ affiliate_id: other.affiliate_id, body: "For Other only" })
        const ann = as(team)
        await expectServerError(
          ann.conversations.retrieve(conversation.id),
          http.get(`/store/affiliates/me/conversations/${conversation.id}`, team.headers),
          { status: 404, type: "not_found" }
        )
        for (const call of [
          () => ann.conversations.retrieve(conversation.id, { markRead: false }),
          () => ann.conversations.messages(conversation.id),
          () => ann.conversations.reply(conversation.id, { body: "Sneaky" }),
          () => ann.conversations.markRead(conversation.id),
        ]) {
          expect(await rejection(call())).toEqual(expect.objectContaining({ status: 404, type: "not_found" }))
        }
        // nothing was written in Other's thread, and it is still unread for Other
        const thread = await http.get(`/admin/conversations/${conversation.id}/messages`, program.admin.headers)
        expect(thread.data.count).toBe(1)
        expect((await as(other).messaging.status()).messaging.unread_count).toBe(1)
      })

      it("403 with the group's text when the group's messaging is disabled", async () => {
        const group = (await http.post("/admin/affiliate-groups", { name: "Coupon sites" }, program.admin.headers)).data
          .affiliate_group
        await http.post(`/admin/affiliates/${team.affiliate_id}`, { group_id: group.id }, program.admin.headers)
        const ann = as(team)
        const { conversation } = await ann.conversations.create({ body: "Before" })

        const disabled = await http.post(
          `/admin/affiliate-groups/${group.id}`,
          { messaging_enabled: false, messaging_disabled_message: "Please email partners@shop.test" },
          program.admin.headers
        )
        expect(disabled.status).toBe(200)
        expect(await ann.messaging.status()).toEqual({
          messaging: { enabled: false, disabled_message: "Please email partners@shop.test", unread_count: 0 },
        })
        const refused = await expectServerError(
          ann.conversations.create({ body: "Hi" }),
          http.post("/store/affiliates/me/conversations", { body: "Hi" }, team.headers),
          { status: 403, type: "forbidden" }
        )
        expect(refused.message).toBe("Please email partners@shop.test")
        expect(await rejection(ann.conversations.reply(conversation.id, { body: "Hi" }))).toEqual(
          expect.objectContaining({ status: 403, type: "forbidden", message: "Please email partners@shop.test" })
        )
        // history stays readable
        expect((await ann.conversations.messages(conversation.id)).messages.map((m) => m.body)).toEqual(["Before"])
      })
    })

    describe("through a @medusajs/js-sdk instance", () => {
      const sdkClient = () => {
        const sdk = new Medusa({
          baseUrl,
          publishableKey: program.publishableKey,
          auth: { type: "jwt", jwtTokenStorageMethod: "memory" },
        })
        const sdkBacked: AffiliateMessagingClient = createAffiliateMessagingClient({ sdk })
        return { sdk, client: sdkBacked }
      }

      it("logs in, reads the status, writes, uploads and downloads with the sdk's token", async () => {
        const { sdk, client: ann } = sdkClient()
        const token = await ann.auth.login({ email: "ann@northwind.test", password: PASSWORD })
        expect(await sdk.client.getToken()).toBe(token)
        expect(jwtPayload(token).actor_id).toBe(team.member_id)

        expect((await ann.account.retrieve()).member.id).toBe(team.member_id)
        const { conversation } = await adminMessage({ affiliate_id: team.affiliate_id, body: "Hello via sdk" })
        expect((await ann.messaging.status()).messaging).toEqual({ enabled: true, disabled_message: null, unread_count: 1 })
        expect((await ann.conversations.retrieve(conversation.id, { markRead: false })).conversation.unread).toBe(true)
        expect((await ann.conversations.list({ unread: true })).count).toBe(1)
        await ann.conversations.markRead(conversation.id)
        expect((await ann.messaging.status()).messaging.unread_count).toBe(0)

        const { attachments } = await ann.attachments.upload([new File([FIXTURES.png], "banner.png", { type: "image/png" })])
        expect(attachments).toEqual([expect.objectContaining({ filename: "banner.png", mime_type: "image/png" })])
        const created = await ann.conversations.create({
          body: "Banner attached",
          attachment_ids: [attachments[0].id],
          audience: "member",
        })
        expect(created.conversation.member).toEqual(expect.objectContaining({ id: team.member_id }))
        expect(created.message.attachments.map((a) => a.id)).toEqual([attachments[0].id])
        const page = await ann.conversations.messages(created.conversation.id, { limit: 1 })
        expect(page.messages.map((m) => m.body)).toEqual(["Banner attached"])
        expect((await bytesOf(await ann.attachments.download(page.messages[0].attachments[0]))).equals(FIXTURES.png)).toBe(
          true
        )

        await ann.auth.logout()
        expect(await sdk.client.getToken()).toBeFalsy()
        expect((await rejection(ann.messaging.status())).status).toBe(401)
      })

      it("surfaces failures as AffiliateMessagingError with the status and the server's message", async () => {
        const { sdk, client: ann } = sdkClient()
        const badLogin = await rejection(ann.auth.login({ email: "ann@northwind.test", password: "wrong" }))
        expect(badLogin).toEqual(expect.objectContaining({ status: 401, type: "unauthorized" }))
        expect(await sdk.client.getToken()).toBeFalsy()

        await ann.auth.login({ email: "ann@northwind.test", password: PASSWORD })
        const { conversation } = await adminMessage({ affiliate_id: other.affiliate_id, body: "For Other only" })
        const notFound = await rejection(ann.conversations.retrieve(conversation.id))
        const raw = await http.get(`/store/affiliates/me/conversations/${conversation.id}`, team.headers)
        // the js-sdk keeps the status and message; the client gives the same type as without it
        expect(notFound).toEqual(expect.objectContaining({ status: 404, type: "not_found", message: raw.data.message }))

        const invalid = await rejection(ann.conversations.create({} as never))
        const rawInvalid = await http.post("/store/affiliates/me/conversations", {}, team.headers)
        expect(invalid).toEqual(expect.objectContaining({ status: 400, type: "invalid_data", message: rawInvalid.data.message }))

        const refused = await rejection(ann.attachments.upload([new File([FIXTURES.elf], "cute.png")]))
        expect(refused.status).toBe(415)
        expect(refused.message).toMatch(/file type not allowed/)
      })
    })
  },
})
