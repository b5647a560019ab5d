import fs from "fs"
import path from "path"
import type { Page } from "playwright-core"
import { AdminApp, startAdminApp } from "../helpers/admin-app"
import { describeWithChromium, eventually, loginToAdmin, shot, watchPage } from "../helpers/admin-browser"
import { launchChromium } from "../helpers/browser"
import { FIXTURES } from "../helpers/fixtures"
import { MemberSession, StoreProgram, connectToStore } from "../helpers/store-affiliate"

/**
 * Broadcasts in the merchant's dashboard, in real Chromium, against a store
 * that installed the packed plugin: New broadcast from Messages (audience by
 * group with the live recipient count and skipped reasons, merge-tag preview,
 * a confirm step repeating the count), the list, the detail with its counts
 * and recipients linking to their threads, the "Broadcast" badge in a thread,
 * cancel. Affiliates act through the store API.
 */
jest.setTimeout(120_000)

const BODY = "Hi {{affiliate.name}}, our autumn tier starts Monday: 12% on every order. Questions? Reply here."

describeWithChromium("admin broadcasts, in Chromium", () => {
  let app: AdminApp
  let store: StoreProgram
  let browser: Awaited<ReturnType<typeof launchChromium>>
  let page: Page
  let watcher: ReturnType<typeof watchPage>
  let creators: { id: string }
  let northwind: MemberSession
  let lumen: MemberSession
  let broadcastId: string
  let threadId: string

  const adminGet = async (route: string) => (await store.request("GET", route, { headers: store.admin })).data
  const count = (name: string) => page.getByTestId(`count-${name}`).locator("dd")
  const row = (text: string) => page.getByRole("row").filter({ hasText: text })

  beforeAll(async () => {
    app = await startAdminApp()
    store = await connectToStore(app)
    const group = async (name: string) =>
      (await store.request("POST", "/admin/affiliate-groups", { headers: store.admin, body: { name } })).data
        .affiliate_group
    creators = await group("Creators")
    const coupons = await group("Coupon sites")
    northwind = await store.activeTeam("Northwind Media", "ann@northwind.test", { group_id: creators.id })
    await store.inviteMember(northwind.affiliate_id, "ben@northwind.test", "Ben")
    lumen = await store.activeTeam("Lumen Labs", "lia@lumen.test", { group_id: creators.id })
    await store.activeTeam("Deal Hub", "dan@dealhub.test", { group_id: coupons.id })
    // added by the owner, nobody has joined it yet: skipped with `no_members`
    await store.createAffiliate({ name: "Empty Studio", email: "hello@empty.test", group_id: creators.id })

    browser = await launchChromium()
    page = await browser.context.newPage()
    watcher = watchPage(page)
    await loginToAdmin(page, app)
  }, 600_000)

  afterAll(async () => {
    await browser?.close()
    await app?.stop()
  })

  it("New broadcast from Messages: the live count for a group, a merge-tag preview, a confirm that repeats the count", async () => {
    await page.goto(`${app.adminUrl}/messages`)
    await page.getByRole("link", { name: "New broadcast" }).click()
    await page.getByRole("heading", { name: "New broadcast" }).waitFor()
    await page.getByText("Pick at least one group, status, manager or affiliate.").waitFor()

    await page.getByRole("checkbox", { name: "Creators" }).click()
    // three affiliates in the group: two teams get it, the one without members is skipped, with why
    await page.getByTestId("recipient-count").getByText("2 affiliates will get it", { exact: true }).waitFor()
    await page.getByTestId("skip-reasons").getByText("1 skipped: no members to read it").waitFor()

    const message = page.getByRole("textbox", { name: "Message" })
    await message.fill("Hi {{affiliate.email}}")
    await page.getByTestId("unknown-merge-tags").getByText("{{affiliate.email}}").waitFor()
    expect(await page.getByRole("button", { name: "Unknown merge tag {{affiliate.email}}" }).isDisabled()).toBe(true)

    await message.fill(BODY)
    const preview = page.getByTestId("body-preview-text")
    await eventually(async () =>
      expect(await preview.textContent()).toMatch(
        /^Hi (Northwind Media|Lumen Labs), our autumn tier starts Monday: 12% on every order\. Questions\? Reply here\.$/
      )
    )
    await page.getByTestId("attachment-input").setInputFiles([
      { name: "autumn-tier.png", mimeType: "image/png", buffer: FIXTURES.png },
    ])
    await page.locator('[data-testid="upload-chip"][data-state="uploaded"]').filter({ hasText: "autumn-tier.png" }).waitFor()
    await preview.scrollIntoViewIfNeeded()
    await shot(page, "broadcast-new")

    await page.getByRole("button", { name: "Review: 2 affiliates" }).click()
    await page.getByRole("heading", { name: "Send this broadcast?" }).waitFor()
    expect(await page.getByTestId("confirm-count").textContent()).toBe("This goes to 2 affiliates now.")
    await shot(page, "broadcast-confirm")
    await page.getByRole("button", { name: "Send to 2 affiliates" }).click()

    // the create dialog's own path is /messages/broadcasts/create
    await page.waitForURL(/\/messages\/broadcasts\/bcast_[^/]+$/)
    broadcastId = new URL(page.url()).pathname.split("/").pop()!
    await page.getByTestId("broadcast-status").getByText("Sent").waitFor({ timeout: 30_000 })
    await eventually(async () => expect(await count("delivered").textContent()).toBe("2"))
    expect(await count("skipped").textContent()).toBe("1")
    expect(await count("recipients").textContent()).toBe("3")

    const { broadcast } = await adminGet(`/admin/affiliate-broadcasts/${broadcastId}`)
    expect(broadcast).toMatchObject({
      status: "sent",
      body: BODY,
      audience: { group_ids: [creators.id] },
      attachment_count: 1,
      delivered_count: 2,
      skipped_count: 1,
    })
  })

  it("lists it from the Messages page's Broadcasts link, with its status and counts", async () => {
    await page.goto(`${app.adminUrl}/messages`)
    await page.getByRole("link", { name: "Broadcasts", exact: true }).click()
    await page.getByRole("heading", { level: 1, name: "Broadcasts" }).waitFor()
    const listed = row("our autumn tier")
    await listed.getByText("Sent").waitFor()
    expect(await page.getByRole("row").count()).toBe(2) // header + the broadcast
    await shot(page, "broadcast-list")
    await listed.click()
    await page.waitForURL(new RegExp(`/messages/broadcasts/${broadcastId}$`))
  })

  it("the recipients table shows who got it and who was skipped, each delivered one linking to its thread", async () => {
    const recipients = page.getByTestId("broadcast-recipients")
    await recipients.getByRole("row").filter({ hasText: "Lumen Labs" }).getByText("Delivered").waitFor()
    const skipped = recipients.getByRole("row").filter({ hasText: "Empty Studio" })
    await skipped.getByText("Skipped").waitFor()
    await skipped.getByText("no members to read it").waitFor()
    expect(await skipped.getByTestId("recipient-thread-link").count()).toBe(0)
    // the docs' picture: counts and recipients in one view
    await page.setViewportSize({ width: 1280, height: 1180 })
    fs.copyFileSync(await shot(page, "broadcast-detail"), path.join(__dirname, "../../docs/images/admin-broadcast.png"))
    await page.setViewportSize({ width: 1280, height: 800 })

    // the status filter, kept in the URL like the other tables
    await page.goto(`${app.adminUrl}/messages/broadcasts/${broadcastId}?status=${encodeURIComponent('"skipped"')}`)
    await recipients.getByRole("row").filter({ hasText: "Empty Studio" }).waitFor()
    await eventually(async () => expect(await recipients.getByRole("row").count()).toBe(2))

    await page.goto(`${app.adminUrl}/messages/broadcasts/${broadcastId}`)
    await recipients.getByRole("row").filter({ hasText: "Northwind Media" }).getByTestId("recipient-thread-link").click()
    await page.waitForURL(/\/messages\/conv_[^/]+$/)
    threadId = new URL(page.url()).pathname.split("/").pop()!
    const copy = page.getByTestId("message").filter({ hasText: "Hi Northwind Media, our autumn tier" })
    await copy.waitFor()
    expect(await copy.getByTestId("message-body").textContent()).toBe(
      "Hi Northwind Media, our autumn tier starts Monday: 12% on every order. Questions? Reply here."
    )
    await copy.getByTestId("attachment-thumbnail").waitFor()
    const conversation = (await adminGet(`/admin/conversations/${threadId}?mark_read=false`)).conversation
    expect(conversation).toMatchObject({ affiliate: { id: northwind.affiliate_id }, member: null })
    await shot(page, "broadcast-thread-badge")

    // the badge leads back to the broadcast
    await copy.getByTestId("message-broadcast-badge").getByText("Broadcast").click()
    await page.waitForURL(new RegExp(`/messages/broadcasts/${broadcastId}$`))
  })

  it("the inbox lists the broadcast's threads, and a reply moves the replied count without a reload", async () => {
    await page.getByRole("link", { name: "Open the recipients' threads in the inbox" }).click()
    await page.waitForURL(/\/messages\?broadcast_id=/)
    await row("Northwind Media").waitFor()
    await row("Lumen Labs").waitFor()
    await eventually(async () => expect(await page.getByRole("row").count()).toBe(3)) // header + 2 threads
    expect(await row("Deal Hub").count()).toBe(0)

    await page.getByTestId("inbox-broadcast-filter").getByRole("link", { name: "one broadcast" }).click()
    await page.waitForURL(new RegExp(`/messages/broadcasts/${broadcastId}$`))
    expect(await count("replied").textContent()).toBe("0")
    await store.affiliateReplies(lumen, (await lumenThread()).id, "Great news, we will feature it on Monday.")
    await eventually(async () => expect(await count("replied").textContent()).toBe("1"))
  })

  it("a scheduled broadcast is cancelled from its page after a confirm", async () => {
    const { broadcast } = (
      await store.request("POST", "/admin/affiliate-broadcasts", {
        headers: store.admin,
        body: {
          body: "Payouts move to the 5th next month.",
          audience: { statuses: ["active"] },
          scheduled_at: new Date(Date.now() + 86_400_000).toISOString(),
        },
      })
    ).data
    expect(broadcast.status).toBe("scheduled")
    await page.goto(`${app.adminUrl}/messages/broadcasts/${broadcast.id}`)
    await page.getByTestId("broadcast-status").getByText("Scheduled").waitFor()
    await page.getByTestId("broadcast-general").locator("button[aria-haspopup='menu']").click()
    await page.getByRole("menuitem", { name: "Cancel broadcast" }).click()
    const prompt = page.getByRole("alertdialog", { name: "Cancel this broadcast?" })
    await prompt.waitFor()
    await prompt.getByRole("button", { name: "Cancel broadcast" }).click()
    await page.getByTestId("broadcast-status").getByText("Cancelled").waitFor()
    expect((await adminGet(`/admin/affiliate-broadcasts/${broadcast.id}`)).broadcast.status).toBe("cancelled")
    // nothing to cancel any more
    expect(await page.getByTestId("broadcast-general").locator("button[aria-haspopup='menu']").count()).toBe(0)
  })

  it("no page errors, console errors or failed requests", () => {
    expect(watcher.problems()).toEqual([])
  })

  const lumenThread = async () =>
    (await adminGet(`/admin/conversations?affiliate_id=${lumen.affiliate_id}&broadcast_id=${broadcastId}`))
      .conversations[0]
})
