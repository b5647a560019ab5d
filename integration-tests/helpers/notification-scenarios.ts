import type { MedusaContainer } from "@medusajs/framework/types"
import { createHash, randomBytes } from "crypto"
import { AFFILIATE_MODULE } from "../../src/modules/affiliate"
import type { IAffiliateModuleService } from "../../src/types/affiliate-module"
import { DELIVERY_QUEUE_MODULE } from "../../src/modules/delivery-queue"
import type DeliveryQueueService from "../../src/modules/delivery-queue/service"
import { bearer, createAdmin, registerAffiliateIdentity } from "./actors"
import { FIXTURES } from "./fixtures"
import { uploadMultipart } from "./multipart"
import { httpClient, HttpClient } from "./http-client"
import { createProgram } from "./program"
import { SmtpSink, headerOf } from "./smtp-sink"

/**
 * The email notification scenarios, run against the in-process queue and
 * against BullMQ on Redis by two suite files. `sink` is the real SMTP server
 * the app sends to.
 */
export function notificationScenarios(
  sink: () => SmtpSink,
  app: () => { api: any; container: MedusaContainer }
) {
  let http: HttpClient
  let program: Awaited<ReturnType<typeof createProgram>>

  beforeEach(async () => {
    http = httpClient(app().api)
    program = await createProgram(http, app().container)
  })

  const mentioning = (text: string) => (email: { text: string }) => email.text.includes(text)

  it("owner message: one email to each opted-in member of the audience, escaped, with the link", async () => {
    const team = await program.team("Northwind Media", "ann@northwind.test")
    const boInvite = await program.invite(team.affiliate_id, "bo@northwind.test")
    const cyInvite = await program.invite(team.affiliate_id, "cy@northwind.test")

    // the invites are emailed with their accept links (before acceptance: an accepted invite is not emailed)
    const invites = await sink().waitFor((e) => /join Northwind Media/.test(e.subject), 2, { settleMs: 0 })
    expect(invites.map((e) => e.to[0]).sort()).toEqual(["bo@northwind.test", "cy@northwind.test"])
    expect(invites[0].html).toContain("http://localhost:8000/affiliate/invite?token=")

    const bo = await program.accept(boInvite)
    const cy = await program.accept(cyInvite)
    const optOut = await http.post("/store/affiliates/me", { email_notifications: false }, bo.headers)
    expect(optOut.status).toBe(200)

    const body = `Hi team <script>alert("x")</script> & welcome ${"x".repeat(300)}`
    const sent = await http.post("/admin/conversations", { affiliate_id: team.affiliate_id, body }, program.admin.headers)
    expect(sent.status).toBe(201)
    const conversationId = sent.data.conversation.id

    const emails = await sink().waitFor(mentioning("Hi team"), 2)
    expect(emails.map((e) => e.to[0]).sort()).toEqual(["ann@northwind.test", "cy@northwind.test"])
    for (const email of emails) {
      expect(email.subject).toBe("Test Store: new message from admin@test.dev")
      expect(email.html).toContain("&lt;script&gt;alert(")
      expect(email.html).not.toContain("<script>alert(")
      expect(email.html).toContain(`http://localhost:8000/affiliate/messages/${conversationId}`)
      expect(email.text).toContain(`Hi team <script>alert("x")</script> & welcome`)
      // the preview is the first 200 characters
      expect(email.text).toContain(body.slice(0, 200))
      expect(email.text).not.toContain(body.slice(0, 201))
      expect(email.text).toMatch(/switch off email notifications/)
      // <{message}.{recipient}@{domain of the sender}>: no address in clear
      expect(email.messageId).toMatch(/^<msg_[0-9A-Z]+\.affmem_[0-9A-Z]+@test-store\.dev>$/)
      expect(headerOf(email, "Auto-Submitted")).toBe("auto-generated")
      // reply by email off: no Reply-To, no marker; one-click unsubscribe all the same
      expect(email.raw.replyTo).toBeUndefined()
      expect(email.text).not.toContain("Reply above this line")
      expect(headerOf(email, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click")
    }
    expect(sink().to("bo@northwind.test").filter(mentioning("Hi team"))).toEqual([])
    expect(sink().to("admin@test.dev")).toEqual([])

    // a member thread reaches only that member, with the attachment count
    const upload = await uploadMultipart(`${app().api.defaults.baseURL}/admin/messaging/attachments`, program.admin.headers, [
      { filename: "brief.pdf", content: FIXTURES.pdf },
      { filename: "logo.png", content: FIXTURES.png },
    ])
    expect(upload.status).toBe(200)
    await http.post(
      "/admin/conversations",
      {
        affiliate_id: team.affiliate_id,
        member_id: cy.member_id,
        body: "Just for Cy",
        attachment_ids: upload.data.attachments.map((a: any) => a.id),
      },
      program.admin.headers
    )
    const private_ = await sink().waitFor(mentioning("Just for Cy"), 1)
    expect(private_.map((e) => e.to[0])).toEqual(["cy@northwind.test"])
    expect(private_[0].text).toContain("2 attached files")
  })

  it("affiliate message: manager and notification emails, else every admin", async () => {
    const second = await createAdmin(http, app().container, "second@test.dev")
    const team = await program.team("Blue Peak", "cara@bluepeak.test")

    await http.post("/store/affiliates/me/conversations", { body: "First question" }, team.headers)
    const toAll = await sink().waitFor(mentioning("First question"), 2)
    expect(toAll.map((e) => e.to[0]).sort()).toEqual(["admin@test.dev", "second@test.dev"])
    expect(toAll[0].subject).toBe("Test Store: new message from Blue (Blue Peak)")
    expect(toAll[0].html).toMatch(/http:\/\/localhost:9000\/app\/messages\/conv_/)
    expect(toAll[0].text).not.toMatch(/switch off email notifications/)

    await http.post(`/admin/affiliates/${team.affiliate_id}`, { manager_id: second.user.id }, program.admin.headers)
    await http.post(
      "/admin/messaging/settings",
      { notification_emails: ["partners@shop.test", "second@test.dev"] },
      program.admin.headers
    )
    await http.post("/store/affiliates/me/conversations", { body: "Second question" }, team.headers)
    const targeted = await sink().waitFor(mentioning("Second question"), 2)
    expect(targeted.map((e) => e.to[0]).sort()).toEqual(["partners@shop.test", "second@test.dev"])
  })

  it("invites: the emailed link is the admin's accept_url; invites and queued jobs of the previous release still work", async () => {
    const team = await program.team("Invite Co", "ivy@invite.test")
    const created = await http.post(`/admin/affiliates/${team.affiliate_id}/invites`, { email: "new@invite.test" }, program.admin.headers)
    expect(created.status).toBe(200)
    const [emailed] = await sink().waitFor((e) => e.to.includes("new@invite.test"), 1, { settleMs: 0 })
    // derived again at render time from the invite id: the same link
    expect(emailed.html).toContain(created.data.invite.accept_url.replace(/&/g, "&amp;"))

    // an invite made before tokens were derived: a random token, its hash, no salt
    const container = app().container
    const legacyToken = randomBytes(32).toString("base64url")
    const legacy = await container.resolve<IAffiliateModuleService>(AFFILIATE_MODULE).createAffiliateInvites({
      affiliate_id: team.affiliate_id,
      email: "old@invite.test",
      token_hash: createHash("sha256").update(legacyToken).digest("hex"),
      expires_at: new Date(Date.now() + 86_400_000),
    })
    // …whose email job, queued with its link, is still waiting when the new release starts
    const legacyUrl = `http://localhost:8000/affiliate/invite?token=${legacyToken}`
    await container.resolve<DeliveryQueueService>(DELIVERY_QUEUE_MODULE).enqueue([
      {
        id: `invite-${legacy.id}`,
        workflow: "deliver-affiliate-invite",
        input: {
          invite_id: legacy.id,
          email: "old@invite.test",
          store_name: "Test Store",
          affiliate_name: "Invite Co",
          accept_url: legacyUrl,
          expires_at: new Date(legacy.expires_at).toISOString(),
        },
      },
    ])
    const [old] = await sink().waitFor((e) => e.to.includes("old@invite.test"), 1, { settleMs: 0 })
    expect(old.html).toContain(legacyUrl)
    const registration = await registerAffiliateIdentity(http, "old@invite.test")
    const accepted = await http.post(
      "/store/affiliates/invites/accept",
      { token: legacyToken },
      { ...bearer(registration), "x-publishable-api-key": program.publishableKey }
    )
    expect(accepted.status).toBe(200)
    expect(accepted.data.member.affiliate_id).toBe(team.affiliate_id)
  })

  // 10 s: with the default backoff (5 s, then 10 s) each email fails its
  // first two attempts and arrives with its third, once the server is back
  it("SMTP down for 10 s: messages are created at once, every email arrives once after recovery", async () => {
    const team = await program.team("Outage Co", "olga@outage.test")
    await sink().stop()
    const latencies: number[] = []
    for (let i = 0; i < 3; i++) {
      const started = Date.now()
      const res = await http.post(
        "/admin/conversations",
        { affiliate_id: team.affiliate_id, body: `During outage ${i}` },
        program.admin.headers
      )
      latencies.push(Date.now() - started)
      expect([200, 201]).toContain(res.status)
    }
    console.log(`[notifications] message creation while SMTP is down: ${latencies.join(" ms, ")} ms`)
    await new Promise((resolve) => setTimeout(resolve, 10_000))
    await sink().start()
    const delivered = await sink().waitFor(mentioning("During outage"), 3, { timeoutMs: 30_000, settleMs: 3_000 })
    expect(delivered.map((e) => e.text.match(/During outage \d/)![0]).sort()).toEqual([
      "During outage 0",
      "During outage 1",
      "During outage 2",
    ])
  })
}
