import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { AFFILIATE_MODULE } from "../../src/modules/affiliate"
import type { IAffiliateModuleService } from "../../src/types/affiliate-module"
import { INBOUND_EMAIL_MODULE } from "../../src/modules/inbound-email"
import type InboundEmailModuleService from "../../src/modules/inbound-email/service"
import { REPLY_MARKER } from "../../src/utils/reply-marker"
import { createAdmin } from "../helpers/actors"
import { eventually } from "../helpers/eventually"
import { httpClient } from "../helpers/http-client"
import { createProgram } from "../helpers/program"
import { ReceivedEmail, SmtpSink, headerOf as header } from "../helpers/smtp-sink"

jest.setTimeout(180_000)

/**
 * Outbound threading with reply by email on: every notification carries
 * the recipient's Reply-To token, a Message-ID of its own that the next
 * email of the thread answers, Auto-Submitted, the reply marker, and for
 * members a one-click List-Unsubscribe.
 */
const sink = new SmtpSink()
const DOMAIN = "inbound.shop.test"
beforeAll(async () => {
  await sink.start()
  process.env.SMTP_URL = sink.url
  process.env.AFFILIATE_INBOUND_REPLY_TO = `reply+{token}@${DOMAIN}`
  process.env.AFFILIATE_INBOUND_SECRET = "threading-spec-secret-0123456789"
})
afterAll(async () => {
  await sink.stop()
  delete process.env.SMTP_URL
  delete process.env.AFFILIATE_INBOUND_REPLY_TO
  delete process.env.AFFILIATE_INBOUND_SECRET
})

const replyToOf = (email: ReceivedEmail) => (email.raw.replyTo?.value ?? []).map((a) => a.address)[0]

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    const mentioning = (text: string) => (email: ReceivedEmail) => email.text.includes(text)
    const tokenOf = async (email: ReceivedEmail) => {
      const address = replyToOf(email)!
      const token = address.match(/^reply\+([^@]+)@/)![1]
      return getContainer().resolve<InboundEmailModuleService>(INBOUND_EMAIL_MODULE).resolveReplyToken(token)
    }

    it("owner → affiliate: Reply-To token, Message-ID, Auto-Submitted, marker, List-Unsubscribe; the thread's next email answers the first", async () => {
      const http = httpClient(api)
      const program = await createProgram(http, getContainer())
      const team = await program.team("Thread Co", "tia@thread.test")

      const sent = await http.post("/admin/conversations", { affiliate_id: team.affiliate_id, body: "First in thread" }, program.admin.headers)
      expect(sent.status).toBe(201)
      const conversationId = sent.data.conversation.id
      const [first] = await sink.waitFor(mentioning("First in thread"), 1, { settleMs: 0 })
      expect(first.to).toEqual(["tia@thread.test"])
      expect(first.messageId).toBe(`<${sent.data.message.id}.${team.member_id}@${DOMAIN}>`)
      expect(first.messageId).not.toContain("tia@")
      expect(header(first, "In-Reply-To")).toBeUndefined()
      expect(header(first, "Auto-Submitted")).toBe("auto-generated")
      expect(await tokenOf(first)).toEqual({ conversation_id: conversationId, recipient: { type: "member", id: team.member_id } })
      expect(header(first, "List-Unsubscribe")).toMatch(
        /^<http:\/\/localhost:9000\/hooks\/affiliate-messaging\/unsubscribe\?token=affmem_[^>]+>$/
      )
      expect(header(first, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click")
      // the marker is the first thing of both parts, above the message
      expect(first.text.indexOf(REPLY_MARKER)).toBeGreaterThanOrEqual(0)
      expect(first.text.indexOf(REPLY_MARKER)).toBeLessThan(first.text.indexOf("First in thread"))
      expect(first.html).toContain(REPLY_MARKER)

      const next = await http.post(`/admin/conversations/${conversationId}/messages`, { body: "Second in thread" }, program.admin.headers)
      expect(next.status).toBe(200)
      const [second] = await sink.waitFor(mentioning("Second in thread"), 1, { settleMs: 0 })
      expect(second.messageId).toBe(`<${next.data.message.id}.${team.member_id}@${DOMAIN}>`)
      expect(header(second, "In-Reply-To")).toBe(first.messageId)
      expect(header(second, "References")).toBe(first.messageId)
      expect(replyToOf(second)).toBe(replyToOf(first))

      const third = await http.post(`/admin/conversations/${conversationId}/messages`, { body: "Third in thread" }, program.admin.headers)
      const [thirdEmail] = await sink.waitFor(mentioning("Third in thread"), 1, { settleMs: 0 })
      expect(thirdEmail.messageId).toBe(`<${third.data.message.id}.${team.member_id}@${DOMAIN}>`)
      expect(header(thirdEmail, "In-Reply-To")).toBe(second.messageId)
      expect(header(thirdEmail, "References")).toBe(`${first.messageId} ${second.messageId}`)
    })

    it("a member emailed again after a pause answers its own last email, however many went to others meanwhile", async () => {
      const http = httpClient(api)
      const program = await createProgram(http, getContainer())
      const team = await program.team("Pause Co", "pia@pause.test")
      const pat = await program.member(team.affiliate_id, "pat@pause.test")
      const sent = await http.post("/admin/conversations", { affiliate_id: team.affiliate_id, body: "Pause 0" }, program.admin.headers)
      const conversationId = sent.data.conversation.id
      const first = await sink.waitFor(mentioning("Pause 0"), 2, { settleMs: 0 })
      const firstTo = (address: string) => first.find((email) => email.to.includes(address))!

      // Pat pauses emails while four messages go to Pia only: Pat's last email falls
      // out of the few newest rows the job reads for the whole team at once
      const patEmails = async (on: boolean) =>
        expect((await http.post("/store/affiliates/me", { email_notifications: on }, pat.headers)).status).toBe(200)
      await patEmails(false)
      let piasLast = firstTo("pia@pause.test")
      for (const n of [1, 2, 3, 4]) {
        await http.post(`/admin/conversations/${conversationId}/messages`, { body: `Pause ${n}` }, program.admin.headers)
        ;[piasLast] = await sink.waitFor(mentioning(`Pause ${n}`), 1, { settleMs: 0 })
        expect(piasLast.to).toEqual(["pia@pause.test"])
      }
      await patEmails(true)

      await http.post(`/admin/conversations/${conversationId}/messages`, { body: "Pause over" }, program.admin.headers)
      const last = await sink.waitFor(mentioning("Pause over"), 2, { settleMs: 0 })
      const lastTo = (address: string) => last.find((email) => email.to.includes(address))!
      expect(header(lastTo("pia@pause.test"), "In-Reply-To")).toBe(piasLast.messageId)
      expect(header(lastTo("pat@pause.test"), "In-Reply-To")).toBe(firstTo("pat@pause.test").messageId)
      expect(header(lastTo("pat@pause.test"), "References")).toBe(firstTo("pat@pause.test").messageId)
    })

    it("the thread's record keeps each recipient's latest email; a thread emailed before it existed answers from the Notification Module's rows", async () => {
      const http = httpClient(api)
      const program = await createProgram(http, getContainer())
      const team = await program.team("Record Co", "rita@record.test")
      const recordOf = async (conversationId: string) =>
        (
          await dbConnection.raw(
            "select message_id, reference_ids from affiliate_thread_email where conversation_id = ? and recipient_key = ? and deleted_at is null",
            [conversationId, team.member_id]
          )
        ).rows

      const sent = await http.post("/admin/conversations", { affiliate_id: team.affiliate_id, body: "Record 1" }, program.admin.headers)
      const conversationId = sent.data.conversation.id
      const [first] = await sink.waitFor(mentioning("Record 1"), 1, { settleMs: 0 })
      // written once the email is out, a moment after the server took it
      await eventually(async () => expect(await recordOf(conversationId)).toEqual([{ message_id: first.messageId, reference_ids: [] }]))

      // as after an upgrade: the thread's emails only in the Notification Module's rows
      await dbConnection.raw("delete from affiliate_thread_email where conversation_id = ?", [conversationId])
      await http.post(`/admin/conversations/${conversationId}/messages`, { body: "Record 2" }, program.admin.headers)
      const [second] = await sink.waitFor(mentioning("Record 2"), 1, { settleMs: 0 })
      expect(header(second, "In-Reply-To")).toBe(first.messageId)
      await eventually(async () =>
        expect(await recordOf(conversationId)).toEqual([{ message_id: second.messageId, reference_ids: [first.messageId] }])
      )

      // with the record there, the Notification Module's rows are not read: hidden, the thread goes on
      await dbConnection.raw("update notification set deleted_at = now() where resource_id = ?", [conversationId])
      await http.post(`/admin/conversations/${conversationId}/messages`, { body: "Record 3" }, program.admin.headers)
      const [third] = await sink.waitFor(mentioning("Record 3"), 1, { settleMs: 0 })
      expect(header(third, "In-Reply-To")).toBe(second.messageId)
      expect(header(third, "References")).toBe(`${first.messageId} ${second.messageId}`)
      await eventually(async () =>
        expect(await recordOf(conversationId)).toEqual([
          { message_id: third.messageId, reference_ids: [first.messageId, second.messageId] },
        ])
      )
    })

    it("affiliate → owner: the manager's token names the admin, a notification address its own, an admin's login as address the admin; no List-Unsubscribe", async () => {
      const http = httpClient(api)
      const program = await createProgram(http, getContainer())
      const manager = await createAdmin(http, getContainer(), "manager@test.dev")
      const team = await program.team("Owner Side Co", "otto@ownerside.test", { manager_id: manager.user.id })
      await http.post(
        "/admin/messaging/settings",
        { notification_emails: ["partners@shop.test", "admin@test.dev"] },
        program.admin.headers
      )
      const sent = await http.post("/store/affiliates/me/conversations", { body: "Question for the store" }, team.headers)
      expect(sent.status).toBe(201)
      const conversationId = sent.data.conversation.id
      const emails = await sink.waitFor(mentioning("Question for the store"), 3, { settleMs: 0 })
      const to = (address: string) => emails.find((email) => email.to.includes(address))!

      const managerEmail = to("manager@test.dev")
      expect(managerEmail.messageId).toBe(`<${sent.data.message.id}.${manager.user.id}@${DOMAIN}>`)
      expect(await tokenOf(managerEmail)).toEqual({ conversation_id: conversationId, recipient: { type: "user", id: manager.user.id } })

      const addressEmail = to("partners@shop.test")
      // the address's key is a hash: the Message-ID does not show the address
      expect(addressEmail.messageId).toMatch(new RegExp(`^<${sent.data.message.id}\\.addr_[0-9a-f]{16}@${DOMAIN.replace(/\./g, "\\.")}>$`))
      expect(await tokenOf(addressEmail)).toEqual({
        conversation_id: conversationId,
        recipient: { type: "address", id: "partners@shop.test" },
      })

      const adminEmail = to("admin@test.dev")
      expect(await tokenOf(adminEmail)).toEqual({ conversation_id: conversationId, recipient: { type: "user", id: program.admin.user.id } })

      for (const email of emails) {
        expect(header(email, "Auto-Submitted")).toBe("auto-generated")
        expect(header(email, "List-Unsubscribe")).toBeUndefined()
        expect(email.text).toContain(REPLY_MARKER)
      }
      // the manager's second email of the thread answers the first
      const again = await http.post(`/store/affiliates/me/conversations/${conversationId}/messages`, { body: "Follow-up for the store" }, team.headers)
      expect(again.status).toBe(200)
      const followUps = await sink.waitFor(mentioning("Follow-up for the store"), 3, { settleMs: 0 })
      const managerFollowUp = followUps.find((email) => email.to.includes("manager@test.dev"))!
      expect(header(managerFollowUp, "In-Reply-To")).toBe(managerEmail.messageId)
    })

    it("List-Unsubscribe: GET only asks, a forged token changes nothing, the one-click POST stops that member's emails", async () => {
      const http = httpClient(api)
      const program = await createProgram(http, getContainer())
      const team = await program.team("Opt Out Co", "oona@optout.test")
      const bo = await program.member(team.affiliate_id, "bo@optout.test")
      await http.post("/admin/conversations", { affiliate_id: team.affiliate_id, body: "Before opting out" }, program.admin.headers)
      const before = await sink.waitFor(mentioning("Before opting out"), 2, { settleMs: 0 })
      const link = header(before.find((email) => email.to.includes("oona@optout.test"))!, "List-Unsubscribe")!.slice(1, -1)
      const url = new URL(link)
      const path = `${url.pathname}${url.search}`
      const members = getContainer().resolve<IAffiliateModuleService>(AFFILIATE_MODULE)
      const notificationsOn = async () =>
        (await members.listAffiliateMembers({ id: team.member_id }, { select: ["email_notifications"] }))[0].email_notifications

      // a browser (or a link scanner) opening it gets the confirm page, nothing more
      const page = await http.get(path, { accept: "text/html,application/xhtml+xml,*/*;q=0.8" })
      expect(page.status).toBe(200)
      expect(page.headers["content-type"]).toMatch(/^text\/html/)
      expect(page.data).toContain('<form method="post">')
      expect(page.headers["cache-control"]).toBe("no-store")
      expect(await notificationsOn()).toBe(true)

      // forged: another member's id with this member's signature, a bare id, a bad signature
      const [, signature] = url.searchParams.get("token")!.split(".")
      for (const token of [`${bo.member_id}.${signature}`, team.member_id, `${team.member_id}.${"A".repeat(43)}`]) {
        const forged = await http.post(`${url.pathname}?token=${encodeURIComponent(token)}`, "List-Unsubscribe=One-Click", {
          "content-type": "application/x-www-form-urlencoded",
        })
        expect(forged.status).toBe(400)
        expect(forged.data.message).toBe("This unsubscribe link is not valid.")
      }
      const unknownField = await http.post(`${path}&member=${bo.member_id}`, "List-Unsubscribe=One-Click", {
        "content-type": "application/x-www-form-urlencoded",
      })
      expect(unknownField.status).toBe(400)
      expect(await notificationsOn()).toBe(true)

      // RFC 8058: what Gmail or Yahoo post, with no login and no publishable key
      const oneClick = await http.post(path, "List-Unsubscribe=One-Click", { "content-type": "application/x-www-form-urlencoded" })
      expect(oneClick.status).toBe(200)
      expect(oneClick.data).toEqual({ unsubscribed: true })
      expect(await notificationsOn()).toBe(false)

      await http.post("/admin/conversations", { affiliate_id: team.affiliate_id, body: "After opting out" }, program.admin.headers)
      // Bo's email proves the message was notified; Oona gets none
      const after = await sink.waitFor(mentioning("After opting out"), 1)
      expect(after.map((email) => email.to[0])).toEqual(["bo@optout.test"])
    })
  },
})
