import { Modules } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { countRows } from "../helpers/db"
import { FIXTURES } from "../helpers/fixtures"
import { httpClient, HttpClient } from "../helpers/http-client"
import { uploadMultipart } from "../helpers/multipart"
import { createProgram } from "../helpers/program"
import { smtpSinkForSuite } from "../helpers/smtp-sink"

jest.setTimeout(180_000)

const sink = smtpSinkForSuite()

const WRITTEN_TABLES = ["affiliate_broadcast", "affiliate_broadcast_recipient", "affiliate_message", "affiliate_conversation"]

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    let http: HttpClient
    let program: Awaited<ReturnType<typeof createProgram>>
    let admin: Record<string, string>

    beforeEach(async () => {
      http = httpClient(api)
      program = await createProgram(http, getContainer())
      admin = program.admin.headers
    })

    const preview = (audience: Record<string, unknown>) => http.post("/admin/affiliate-broadcasts/preview", { audience }, admin)
    const create = (body: Record<string, unknown>) => http.post("/admin/affiliate-broadcasts", body, admin)
    const detail = async (id: string) => (await http.get(`/admin/affiliate-broadcasts/${id}`, admin)).data.broadcast
    /** Polls until the broadcast reaches `status` (the queue job and the start job run in this process). */
    const until = async (id: string, status: string, timeoutMs = 60_000) => {
      const deadline = Date.now() + timeoutMs
      let broadcast = await detail(id)
      while (broadcast.status !== status && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 200))
        broadcast = await detail(id)
      }
      expect(broadcast.status).toBe(status)
      return broadcast
    }
    const group = async (name: string, messaging_enabled = true) => {
      const res = await http.post("/admin/affiliate-groups", { name, messaging_enabled }, admin)
      expect(res.status).toBe(200)
      return res.data.affiliate_group.id as string
    }
    const thread = async (member: { headers: Record<string, string> }) => {
      const list = await http.get("/store/affiliates/me/conversations", member.headers)
      expect(list.status).toBe(200)
      return list.data.conversations
    }
    const messagesOf = async (conversationId: string, headers: Record<string, string>, side: "admin" | "store" = "store") => {
      const path = side === "admin"
        ? `/admin/conversations/${conversationId}/messages`
        : `/store/affiliates/me/conversations/${conversationId}/messages`
      const res = await http.get(path, headers)
      expect(res.status).toBe(200)
      return res.data.messages
    }

    it("previews, sends to each affiliate's own team thread, skips with reasons, counts reads and replies, emails each member once", async () => {
      const partners = await group("Partners")
      const ann = await program.team("Ann Studio", "ann@bc.test", { group_id: partners })
      const annColleague = await program.member(ann.affiliate_id, "ann.colleague@bc.test")
      const bob = await program.team("Bob Media", "bob@bc.test", { group_id: partners })
      // switched off between the preview and the send
      const cid = await program.team("Cid Reviews", "cid@bc.test", { group_id: partners })
      const declined = await program.team("Dee Declined", "dee@bc.test", { group_id: partners })
      await program.setStatus(declined.affiliate_id, "declined")
      // a pending affiliate without a thread cannot be written to; one with a thread can
      const pendingNew = await program.team("Eve Pending", "eve@bc.test", { group_id: partners })
      await program.setStatus(pendingNew.affiliate_id, "pending")
      const pendingOld = await program.team("Fay Pending", "fay@bc.test", { group_id: partners })
      const earlier = await http.post("/admin/conversations", { affiliate_id: pendingOld.affiliate_id, body: "Earlier" }, admin)
      expect(earlier.status).toBe(201)
      await program.setStatus(pendingOld.affiliate_id, "pending")
      // outside the audience
      const outsider = await program.team("Zed Outside", "zed@bc.test")
      await sink.waitFor((email) => email.to.includes("fay@bc.test"), 1, { settleMs: 0 })

      const previewed = await preview({ group_ids: [partners] })
      expect(previewed.status).toBe(200)
      expect(previewed.data).toEqual({
        recipient_count: 4,
        skipped: { not_allowed: 2 },
        sample: [
          expect.objectContaining({ id: ann.affiliate_id, name: "Ann Studio", status: "active", group_id: partners }),
          expect.objectContaining({ id: bob.affiliate_id }),
          expect.objectContaining({ id: cid.affiliate_id }),
          expect.objectContaining({ id: pendingOld.affiliate_id, status: "pending" }),
        ],
      })
      expect((await preview({ group_ids: [partners], statuses: ["pending"] })).data.recipient_count).toBe(1)
      expect((await preview({ affiliate_ids: [ann.affiliate_id, outsider.affiliate_id] })).data.recipient_count).toBe(2)

      // Cid's group changes after the preview: the send skips it
      const quiet = await group("Quiet", false)
      expect((await http.post(`/admin/affiliates/${cid.affiliate_id}`, { group_id: quiet }, admin)).status).toBe(200)
      const before = sink.emails.length

      const created = await create({
        body: "Hi {{affiliate.name}}, {{ store.name }} raises commissions to 12%.",
        audience: { group_ids: [partners, quiet] },
      })
      expect(created.status).toBe(202)
      expect(created.data.broadcast).toEqual(
        expect.objectContaining({
          id: expect.stringMatching(/^bcast_/),
          status: "sending",
          // sent at once: no time was asked for
          scheduled_at: null,
          started_at: expect.any(String),
          audience: { group_ids: [partners, quiet] },
          attachment_count: 0,
          created_by: program.admin.user.id,
        })
      )
      const id = created.data.broadcast.id
      const sent = await until(id, "sent")
      expect(sent).toEqual(
        expect.objectContaining({
          recipient_count: 6,
          delivered_count: 3,
          skipped_count: 3,
          read_count: 0,
          replied_count: 0,
          started_at: expect.any(String),
          finished_at: expect.any(String),
        })
      )

      const recipients = (await http.get(`/admin/affiliate-broadcasts/${id}/recipients`, admin)).data
      expect(recipients.count).toBe(6)
      const byId = Object.fromEntries(recipients.recipients.map((r: any) => [r.affiliate.id, r]))
      expect(byId[cid.affiliate_id]).toEqual(expect.objectContaining({ status: "skipped", reason: "messaging_disabled", message_id: null }))
      expect(byId[declined.affiliate_id]).toEqual(expect.objectContaining({ status: "skipped", reason: "not_allowed" }))
      expect(byId[pendingNew.affiliate_id]).toEqual(expect.objectContaining({ status: "skipped", reason: "not_allowed" }))
      expect(byId[pendingOld.affiliate_id]).toEqual(expect.objectContaining({ status: "delivered", conversation_id: earlier.data.conversation.id }))
      const skippedOnly = (await http.get(`/admin/affiliate-broadcasts/${id}/recipients?status=skipped&limit=2`, admin)).data
      expect(skippedOnly).toEqual(expect.objectContaining({ count: 3, limit: 2, offset: 0 }))
      expect(skippedOnly.recipients).toHaveLength(2)

      // each recipient's copy sits in its own team thread, merged, from the admin, with the broadcast id
      const [annThread] = await thread(ann)
      expect(annThread).toEqual(expect.objectContaining({ id: byId[ann.affiliate_id].conversation_id, unread: true, member: null }))
      const [annCopy] = await messagesOf(annThread.id, ann.headers)
      expect(annCopy).toEqual(
        expect.objectContaining({
          id: byId[ann.affiliate_id].message_id,
          author_type: "owner",
          body: "Hi Ann Studio, Test Store raises commissions to 12%.",
          broadcast_id: id,
        })
      )
      const [bobThread] = await thread(bob)
      expect(bobThread.id).not.toBe(annThread.id)
      expect((await messagesOf(bobThread.id, bob.headers))[0].body).toBe("Hi Bob Media, Test Store raises commissions to 12%.")
      // invisible to every other affiliate
      expect((await http.get(`/store/affiliates/me/conversations/${annThread.id}/messages`, bob.headers)).status).toBe(404)
      expect(await thread(cid)).toEqual([])

      // a reply stays in that affiliate's thread and makes it unread for the admins
      const reply = await http.post(`/store/affiliates/me/conversations/${annThread.id}/messages`, { body: "Great news!" }, annColleague.headers)
      expect(reply.status).toBe(200)
      expect((await messagesOf(bobThread.id, bob.headers)).map((m: any) => m.body)).toHaveLength(1)
      // Bob reads his thread
      expect((await http.post(`/store/affiliates/me/conversations/${bobThread.id}/read`, {}, bob.headers)).status).toBe(200)

      const counted = await detail(id)
      expect(counted).toEqual(expect.objectContaining({ read_count: 2, replied_count: 1 }))
      const recipientsAfter = (await http.get(`/admin/affiliate-broadcasts/${id}/recipients?status=delivered`, admin)).data.recipients
      const annAfter = recipientsAfter.find((r: any) => r.affiliate.id === ann.affiliate_id)
      expect(annAfter.replied_at).toEqual(expect.any(String))
      expect(annAfter.read_at).toEqual(expect.any(String)) // the colleague's reply read the thread
      expect(recipientsAfter.find((r: any) => r.affiliate.id === bob.affiliate_id)).toEqual(
        expect.objectContaining({ read_at: expect.any(String), replied_at: null })
      )

      // the inbox lists the broadcast's threads; the reply made Ann's unread
      const inbox = (await http.get(`/admin/conversations?broadcast_id=${id}`, admin)).data
      expect(inbox.count).toBe(3)
      expect(inbox.conversations.map((c: any) => c.id).sort()).toEqual(
        [annThread.id, bobThread.id, earlier.data.conversation.id].sort()
      )
      expect(inbox.conversations.find((c: any) => c.id === annThread.id).unread).toBe(true)
      expect((await http.get(`/admin/conversations?broadcast_id=${id}&unread=true`, admin)).data.count).toBe(1)

      // each member with notifications on is emailed once, as for an ordinary owner message
      const recipientsEmails = ["ann@bc.test", "ann.colleague@bc.test", "bob@bc.test", "fay@bc.test"]
      const emails = await sink.waitFor(
        (email) => sink.emails.indexOf(email) >= before && recipientsEmails.some((to) => email.to.includes(to)),
        4,
        { timeoutMs: 60_000 }
      )
      expect(emails.map((email) => email.to[0]).sort()).toEqual([...recipientsEmails].sort())
      expect(emails.find((email) => email.to.includes("ann@bc.test"))!.text).toContain("Hi Ann Studio")
      expect(sink.emails.slice(before).some((email) => ["cid@bc.test", "dee@bc.test", "eve@bc.test", "zed@bc.test"].includes(email.to[0]))).toBe(false)

      // list: newest first, filtered by status; a sent broadcast cannot be cancelled
      const list = (await http.get("/admin/affiliate-broadcasts?status=sent", admin)).data
      expect(list).toEqual(expect.objectContaining({ count: 1, offset: 0, limit: 20 }))
      expect(list.broadcasts[0]).toEqual(expect.objectContaining({ id, read_count: 2, replied_count: 1 }))
      expect((await http.get("/admin/affiliate-broadcasts?status=scheduled", admin)).data.count).toBe(0)
      const late = await http.post(`/admin/affiliate-broadcasts/${id}/cancel`, {}, admin)
      expect(late.status).toBe(409)
      expect(late.data.message).toMatch(/already sent/)

      // events
      expect((await http.get("/admin/affiliate-broadcasts/bcast_missing", admin)).status).toBe(404)
    })

    it("refuses unknown merge tags and empty audiences with nothing written; stores merged names as plain text", async () => {
      const hostile = await program.team("<img src=x onerror=alert(1)>", "hostile@bc.test")
      const before = await countRows(dbConnection, WRITTEN_TABLES)
      const unknown = await create({ body: "Hi {{affiliate.email}} and {{ nope }}", audience: { statuses: ["active"] } })
      expect(unknown.status).toBe(400)
      expect(unknown.data.message).toContain("{{affiliate.email}}")
      for (const audience of [{}, { group_ids: [] }, { statuses: ["declined"] }]) {
        const refused = await create({ body: "Hello", audience })
        expect(refused.status).toBe(400)
        expect((await preview(audience)).status).toBe(400)
      }
      expect((await create({ body: "", audience: { statuses: ["active"] } })).status).toBe(400)
      expect((await create({ body: "Hi", audience: { statuses: ["active"] }, extra: 1 })).status).toBe(400)
      expect(await countRows(dbConnection, WRITTEN_TABLES)).toEqual(before)

      // an attachment-only broadcast with a tag-free empty body, and a merged hostile name
      const uploaded = await uploadMultipart(`${api.defaults.baseURL}/admin/messaging/attachments`, admin, [
        { filename: "tiers.png", content: FIXTURES.png },
      ])
      expect(uploaded.status).toBe(200)
      const created = await create({
        body: "Dear {{affiliate.name}}",
        attachment_ids: [uploaded.data.attachments[0].id],
        audience: { affiliate_ids: [hostile.affiliate_id] },
      })
      expect(created.status).toBe(202)
      expect(created.data.broadcast.attachment_count).toBe(1)
      await until(created.data.broadcast.id, "sent")
      const [conversation] = await thread(hostile)
      const [message] = await messagesOf(conversation.id, hostile.headers)
      expect(message.body).toBe("Dear <img src=x onerror=alert(1)>")
      expect(message.attachments).toEqual([expect.objectContaining({ filename: "tiers.png", mime_type: "image/png" })])
      const download = await api.get(message.attachments[0].url, {
        headers: hostile.headers, responseType: "arraybuffer", validateStatus: () => true,
      })
      expect(download.status).toBe(200)
      expect(Buffer.from(download.data).equals(FIXTURES.png)).toBe(true)
      // the upload was taken by the broadcast: it cannot be sent again
      const again = await http.post(
        "/admin/conversations",
        { affiliate_id: hostile.affiliate_id, body: "again", attachment_ids: [uploaded.data.attachments[0].id] },
        admin
      )
      expect(again.status).toBe(400)
      const email = (await sink.waitFor((email) => email.to.includes("hostile@bc.test"), 1, { timeoutMs: 60_000 }))[0]
      expect(email.html).not.toContain("<img src=x")
      expect(email.html).toContain("&lt;img src=x onerror=alert(1)&gt;")
    })

    it("schedules, cancels, starts a due broadcast through the start job once, and emits its events", async () => {
      const events: { name: string; data: any }[] = []
      const bus = getContainer().resolve(Modules.EVENT_BUS)
      for (const name of ["affiliate_broadcast.created", "affiliate_broadcast.sent"]) {
        bus.subscribe(name, async (event: any) => {
          events.push({ name, data: event.data })
        })
      }
      const ann = await program.team("Ann Later", "ann.later@bc.test")

      const future = new Date(Date.now() + 60 * 60 * 1000).toISOString()
      const later = await create({ body: "Next hour", audience: { affiliate_ids: [ann.affiliate_id] }, scheduled_at: future })
      expect(later.status).toBe(202)
      expect(later.data.broadcast).toEqual(expect.objectContaining({ status: "scheduled", scheduled_at: future }))
      const cancelled = await http.post(`/admin/affiliate-broadcasts/${later.data.broadcast.id}/cancel`, {}, admin)
      expect(cancelled.status).toBe(200)
      expect(cancelled.data.broadcast).toEqual(expect.objectContaining({ status: "cancelled", delivered_count: 0 }))
      expect((await http.get("/admin/affiliate-broadcasts?status=cancelled", admin)).data.count).toBe(1)

      // due in two seconds: the start job sends it once
      const soon = await create({
        body: "Soon",
        audience: { affiliate_ids: [ann.affiliate_id] },
        scheduled_at: new Date(Date.now() + 2_000).toISOString(),
      })
      expect(soon.data.broadcast.status).toBe("scheduled")
      const sent = await until(soon.data.broadcast.id, "sent")
      expect(sent.delivered_count).toBe(1)
      const [conversation] = await thread(ann)
      expect((await messagesOf(conversation.id, ann.headers)).map((m: any) => m.body)).toEqual(["Soon"])
      await new Promise((resolve) => setTimeout(resolve, 300))
      expect(events).toEqual(
        expect.arrayContaining([
          { name: "affiliate_broadcast.created", data: { id: soon.data.broadcast.id } },
          { name: "affiliate_broadcast.sent", data: { id: soon.data.broadcast.id } },
        ])
      )
      expect(events.filter((event) => event.name === "affiliate_broadcast.sent")).toHaveLength(1)
    })
  },
})
