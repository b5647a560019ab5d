import type { Page, Request } from "playwright-core"
import { AdminApp, startAdminApp } from "../helpers/admin-app"
import { describeWithChromium, eventually, loginToAdmin, shot, sidebar, watchPage } from "../helpers/admin-browser"
import { launchChromium, NO_LONG_TIMERS, PUSHED_UPDATE_WAIT_MS } from "../helpers/browser"
import { appendEmailMessage } from "../helpers/email-message"
import { FIXTURES } from "../helpers/fixtures"
import { MemberSession, StoreProgram, connectToStore } from "../helpers/store-affiliate"

/**
 * The merchant's Messages pages in real Chromium, against a store that
 * installed the packed plugin (`medusa build` + `medusa start`). Affiliates
 * act through the store API, the merchant only through the dashboard.
 */
jest.setTimeout(120_000)

describeWithChromium("admin Messages pages, in Chromium", () => {
  let app: AdminApp
  let store: StoreProgram
  let browser: Awaited<ReturnType<typeof launchChromium>>
  let page: Page
  let watcher: ReturnType<typeof watchPage>
  let creators: { id: string }
  let coupons: { id: string }
  let northwind: MemberSession
  let dealHub: MemberSession
  let pendingCo: MemberSession
  let threadId: string

  const inbox = (query = "") => page.goto(`${app.adminUrl}/messages${query}`)
  const row = (text: string) => page.getByRole("row").filter({ hasText: text })
  const messageBodies = () => page.getByTestId("message-body")
  const adminConversation = async (id: string) =>
    (await store.request("GET", `/admin/conversations/${id}?mark_read=false`, { headers: store.admin })).data
      .conversation

  beforeAll(async () => {
    app = await startAdminApp()
    store = await connectToStore(app)
    const group = async (name: string) =>
      (await store.request("POST", "/admin/affiliate-groups", { headers: store.admin, body: { name } })).data
        .affiliate_group
    creators = await group("Creators")
    coupons = await group("Coupon sites")
    northwind = await store.activeTeam("Northwind Media", "ann@northwind.test", { group_id: creators.id })
    await store.inviteMember(northwind.affiliate_id, "ben@northwind.test", "Ben")
    dealHub = await store.activeTeam("Deal Hub", "dan@dealhub.test", { group_id: coupons.id })
    pendingCo = (await store.signUp({ name: "Pending Co", email: "pat@pending.test", first_name: "Pat" })).session

    browser = await launchChromium()
    page = await browser.context.newPage()
    // the refused upload's 415 is expected; anything else is a problem
    watcher = watchPage(page, { ignore: [/status of 415/] })
    await loginToAdmin(page, app)
  }, 600_000)

  afterAll(async () => {
    await browser?.close()
    await app?.stop()
  })

  it("adds Messages to the side bar, opening an empty shared inbox", async () => {
    await sidebar(page).getByRole("link", { name: /Messages/ }).click()
    await page.getByRole("heading", { level: 1, name: "Messages" }).waitFor()
    await page.getByText("No conversations yet").waitFor()
    await shot(page, "messages-inbox-empty")
  })

  it("New Message: picks an active affiliate by server-side search and lands in the new thread", async () => {
    await page.getByRole("link", { name: "New message" }).click()
    await page.getByRole("heading", { name: "New message" }).waitFor()
    await page.getByRole("searchbox", { name: "Search affiliates" }).fill("northw")
    const option = page.getByRole("option").filter({ hasText: "Northwind Media" })
    await option.waitFor()
    // pending affiliates cannot be messaged first, so they are not offered
    await page.getByRole("searchbox", { name: "Search affiliates" }).fill("Pending")
    await page.getByText(/No active affiliate matches "Pending"/).waitFor()
    await page.getByRole("searchbox", { name: "Search affiliates" }).fill("northw")
    await option.getByRole("button").click()
    await page.getByTestId("picked-affiliate").getByText("Northwind Media").waitFor()
    expect(await page.getByRole("radio", { name: /Whole team/ }).isChecked()).toBe(true)
    await page.getByRole("textbox", { name: "Message" }).fill("Welcome aboard! Your first campaign brief is attached soon.")
    await shot(page, "messages-new-message")
    await page.keyboard.press("Control+Enter")

    await page.waitForURL(/\/messages\/conv_/)
    threadId = new URL(page.url()).pathname.split("/").pop()!
    await messageBodies().filter({ hasText: "Welcome aboard!" }).waitFor()
    const conversation = await adminConversation(threadId)
    expect(conversation).toMatchObject({ affiliate: { id: northwind.affiliate_id }, member: null, message_count: 1 })
    await shot(page, "messages-thread-new")
  })

  it("New Message to an audience that has a thread appends to it and opens it", async () => {
    await inbox("/create")
    await page.getByRole("searchbox", { name: "Search affiliates" }).fill("Northwind")
    await page.getByRole("option").filter({ hasText: "Northwind Media" }).getByRole("button").click()
    await page.getByTestId("existing-thread-hint").waitFor()
    await page.getByRole("textbox", { name: "Message" }).fill("One more thing: payouts move to the 5th.")
    await page.getByRole("button", { name: "Send message" }).click()
    await page.waitForURL(new RegExp(`/messages/${threadId}$`))
    await messageBodies().filter({ hasText: "payouts move to the 5th" }).waitFor()
    expect(await messageBodies().count()).toBe(2)
    expect((await adminConversation(threadId)).message_count).toBe(2)
  })

  it("an affiliate's reply makes the thread unread: side bar badge and Unread tab", async () => {
    // on the inbox: a reply arriving in a thread an admin is looking at is read at once
    await inbox()
    await store.affiliateReplies(northwind, threadId, "Thanks! Can we get early access to the winter collection?")
    const badge = page.getByTestId("sidebar-unread-badge")
    await expect(badge.textContent({ timeout: 30_000 })).resolves.toBe("1")
    // the dashboard's sidebar shape the badge relies on (medusa-seams/sidebar-unread-badge.tsx)
    expect(await page.locator('nav a[href$="/messages"] [data-testid="sidebar-unread-badge"]').count()).toBe(1)
    await row("Northwind Media").getByTestId("unread-marker").waitFor()

    await page.getByRole("tab", { name: /Unread/ }).click()
    await page.waitForURL(/unread=true/)
    await row("early access to the winter collection").waitFor()
    expect(await page.getByRole("row").count()).toBe(2) // header + the thread
    await shot(page, "messages-inbox-unread")

    // opening it reads it for every admin
    await row("Northwind Media").click()
    await messageBodies().filter({ hasText: "early access" }).waitFor()
    await eventually(async () => expect((await adminConversation(threadId)).unread).toBe(false))
    await badge.waitFor({ state: "detached" })
  })

  it("Mark as unread returns to the inbox with the thread unread for everyone", async () => {
    await page.getByRole("button", { name: "Mark as unread" }).click()
    await page.waitForURL(/\/messages(\?.*)?$/)
    await eventually(async () => expect((await adminConversation(threadId)).unread).toBe(true))
    await row("Northwind Media").getByTestId("unread-marker").waitFor()
    await expect(page.getByTestId("sidebar-unread-badge").textContent()).resolves.toBe("1")
  })

  it("filters the inbox by affiliate group and by status", async () => {
    await store.affiliateWrites(dealHub, "Is the coupon feed still refreshed nightly?")
    await store.affiliateWrites(pendingCo, "We applied last week, any news?")
    await inbox()
    await row("Deal Hub").waitFor()
    await row("Pending Co").waitFor()

    await inbox(`?group_id=${encodeURIComponent(JSON.stringify([creators.id]))}`)
    await row("Northwind Media").waitFor()
    await expect(row("Deal Hub").count()).resolves.toBe(0)
    await expect(row("Pending Co").count()).resolves.toBe(0)
    await shot(page, "messages-inbox-filter-group")

    await inbox(`?affiliate_status=${encodeURIComponent(JSON.stringify(["pending"]))}`)
    await row("Pending Co").waitFor()
    await expect(row("Northwind Media").count()).resolves.toBe(0)
    await expect(row("Deal Hub").count()).resolves.toBe(0)
    await shot(page, "messages-inbox-filter-status")
  })

  it("attaches an image (thumbnail shown) and refuses a file type with a clear error", async () => {
    await page.goto(`${app.adminUrl}/messages/${threadId}`)
    const input = page.getByTestId("attachment-input")
    await input.setInputFiles([
      { name: "banner.png", mimeType: "image/png", buffer: FIXTURES.png },
      { name: "tool.exe", mimeType: "application/octet-stream", buffer: FIXTURES.elf },
      // passes the name check, but the server sniffs the content
      { name: "disguised.png", mimeType: "image/png", buffer: FIXTURES.elf },
    ])
    const chips = page.getByTestId("upload-chip")
    await chips.filter({ hasText: "tool.exe" }).getByText(/cannot be attached/).waitFor()
    await page.locator('[data-testid="upload-chip"][data-state="error"]').filter({ hasText: "disguised.png" }).waitFor()
    await page.locator('[data-testid="upload-chip"][data-state="uploaded"]').filter({ hasText: "banner.png" }).waitFor()
    // a failed file blocks sending until removed
    expect(await page.getByRole("button", { name: "Send", exact: true }).isDisabled()).toBe(true)
    await shot(page, "messages-composer-uploads")
    await page.getByRole("button", { name: "Remove tool.exe" }).click()
    await page.getByRole("button", { name: "Remove disguised.png" }).click()

    await page.getByRole("textbox", { name: "Message" }).fill("Here is the banner for your site.")
    await page.getByRole("button", { name: "Send", exact: true }).click()
    const thumbnail = page.getByTestId("attachment-thumbnail").last()
    await thumbnail.waitFor()
    await eventually(async () =>
      expect(await thumbnail.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1)
    )
    expect(await page.getByTestId("upload-chip").count()).toBe(0)
    await shot(page, "messages-thread-attachment")
  })

  it("a group with messaging disabled replaces the composer with why and where to enable it", async () => {
    await store.request("POST", `/admin/affiliate-groups/${coupons.id}`, {
      headers: store.admin,
      body: { messaging_enabled: false, messaging_disabled_message: "Coupon partners: please email us." },
    })
    const { data } = await store.request("GET", `/admin/conversations?affiliate_id=${dealHub.affiliate_id}`, {
      headers: store.admin,
    })
    await page.goto(`${app.adminUrl}/messages/${data.conversations[0].id}`)
    const unavailable = page.getByTestId("composer-unavailable")
    await unavailable.getByText('Messaging is off for the group "Coupon sites"').waitFor()
    await unavailable.getByText("Coupon partners: please email us.", { exact: false }).waitFor()
    expect(await page.getByTestId("message-composer").count()).toBe(0)
    expect(await unavailable.getByRole("link", { name: "Open group settings" }).getAttribute("href")).toMatch(
      new RegExp(`/affiliates/groups/${coupons.id}$`)
    )
    await shot(page, "messages-thread-group-disabled")
  })

  it("shows an affiliate's markup as text, never as HTML", async () => {
    const payload = `<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>`
    const { conversation } = await store.affiliateWrites(northwind, payload, "member")
    await page.goto(`${app.adminUrl}/messages/${conversation.id}`)
    const body = messageBodies().filter({ hasText: "<img src=x" })
    await body.waitFor()
    expect(await body.textContent()).toBe(payload)
    expect(await body.locator("img, script").count()).toBe(0)
    expect(await page.evaluate(() => (window as any).__xss)).toBeUndefined()
    await inbox()
    await row(`<img src=x onerror`).waitFor()
    expect(await page.evaluate(() => (window as any).__xss)).toBeUndefined()
    await shot(page, "messages-xss-as-text")
  })

  it("shows a broadcast's merged affiliate name as text, never as HTML", async () => {
    const name = `<img src=x onerror="window.__xss=3"> Media`
    const target = await store.activeTeam(name, "xss@broadcast.test")
    const created = await store.request("POST", "/admin/affiliate-broadcasts", {
      headers: store.admin,
      body: { body: "Hi {{affiliate.name}}, welcome aboard.", audience: { affiliate_ids: [target.affiliate_id] } },
    })
    expect(created.status).toBe(202)
    const recipient = await eventually(async () => {
      const { data } = await store.request("GET", `/admin/affiliate-broadcasts/${created.data.broadcast.id}/recipients?status=delivered`, {
        headers: store.admin,
      })
      expect(data.recipients).toHaveLength(1)
      return data.recipients[0]
    })
    await page.goto(`${app.adminUrl}/messages/${recipient.conversation_id}`)
    const body = messageBodies().filter({ hasText: "<img src=x" })
    await body.waitFor()
    expect(await body.textContent()).toBe(`Hi ${name}, welcome aboard.`)
    expect(await body.locator("img, script").count()).toBe(0)
    expect(await page.evaluate(() => (window as any).__xss)).toBeUndefined()
    await shot(page, "messages-broadcast-name-as-text")
  })

  it("when messaging is off for the store, the inbox offers a switch to turn it on", async () => {
    await store.request("POST", "/admin/messaging/settings", { headers: store.admin, body: { enabled: false } })
    await inbox()
    const banner = page.getByTestId("messaging-off-banner")
    await banner.getByText("Messaging is turned off").waitFor()
    await shot(page, "messages-global-off-banner")
    await banner.getByRole("switch", { name: "Enable messaging" }).click()
    await banner.waitFor({ state: "detached" })
    const { data } = await store.request("GET", "/admin/messaging/settings", { headers: store.admin })
    expect(data.settings.enabled).toBe(true)
  })

  it("a message that came by email says 'via email' in the thread; one typed in the app does not", async () => {
    // as reply by email posts it: the messaging module's own append, source "email"
    await appendEmailMessage(app.databaseName, {
      conversation_id: threadId,
      author_type: "affiliate",
      author_id: northwind.member_id,
      author_name: "Ann",
      body: "Answered from my mail app",
    })
    await page.goto(`${app.adminUrl}/messages/${threadId}`)
    const emailed = page.getByTestId("message").filter({ hasText: "Answered from my mail app" })
    await emailed.getByTestId("message-via-email").waitFor()
    expect(await emailed.getByTestId("message-via-email").textContent()).toBe("via email")
    expect(await page.getByTestId("message-via-email").count()).toBe(1)
    await shot(page, "messages-thread-via-email")
  })

  it("no page errors, console errors or failed requests", () => {
    expect(watcher.problems()).toEqual([])
  })

  // after the page-problems check: the crafted thread's 404 is the expected answer
  it("sends an id from the address bar to the API as one encoded segment, never as a path", async () => {
    const crafted = "x/../../users"
    const paths: string[] = []
    const record = (request: { url: () => string }) => paths.push(new URL(request.url()).pathname)
    page.on("request", record)
    await page.goto(`${app.adminUrl}/messages/${encodeURIComponent(crafted)}`)
    await eventually(() => expect(paths).toContain(`/admin/conversations/${encodeURIComponent(crafted)}`))
    page.off("request", record)
    // unencoded, the browser would have resolved it to GET /admin/users
    expect(paths.filter((path) => path === "/admin/users")).toEqual([])
  })

  describe("live updates from the admin stream", () => {
    let live: Awaited<ReturnType<typeof launchChromium>>
    /** Every stream request of the browser, and those still open. */
    const streams: Request[] = []
    const open = new Set<Request>()
    let tabs: Page[]
    const bodiesIn = (tab: Page) => tab.getByTestId("message-body")

    /** Resolves how long `shown` took after `act`; fails past 2 s (the contract's "within a second", with CI slack). */
    const pushed = async (act: () => Promise<unknown>, shown: () => Promise<unknown>) => {
      const started = Date.now()
      await act()
      await shown()
      return Date.now() - started
    }

    beforeAll(async () => {
      live = await launchChromium()
      // no timer of 5 s or more ever fires in these tabs: whatever updates them is the stream, not polling
      await live.context.addInitScript(NO_LONG_TIMERS)
      live.context.on("request", (request) => {
        if (new URL(request.url()).pathname === "/admin/messaging/stream") {
          streams.push(request)
          open.add(request)
        }
      })
      const ended = (request: Request) => open.delete(request)
      live.context.on("requestfinished", ended)
      live.context.on("requestfailed", ended)
      const first = await live.context.newPage()
      await loginToAdmin(first, app)
      // the dashboard's own navigation: a reload would end this tab's stream and open another
      await sidebar(first).getByRole("link", { name: /Messages/ }).click()
      await first.getByRole("row").filter({ hasText: "Northwind Media" }).first().waitFor()
      const second = await live.context.newPage()
      await second.goto(`${app.adminUrl}/messages/${threadId}`)
      await bodiesIn(second).first().waitFor()
      tabs = [first, second]
      await eventually(() => expect(streams.length).toBeGreaterThan(0))
      await streams[0].response()
    })

    afterAll(async () => {
      await live?.close()
    })

    it("two tabs share one stream, and the inbox and the open thread show an affiliate's reply without a reload or a poll", async () => {
      const text = `Live reply ${Date.now()}`
      const ms = await pushed(
        () => store.affiliateReplies(northwind, threadId, text),
        () =>
          Promise.all([
            tabs[0].getByRole("row").filter({ hasText: text }).waitFor({ timeout: PUSHED_UPDATE_WAIT_MS }),
            bodiesIn(tabs[1]).filter({ hasText: text }).waitFor({ timeout: PUSHED_UPDATE_WAIT_MS }),
          ])
      )
      console.log(`[live] admin inbox and thread updated ${ms} ms after the reply`)
      expect(streams).toHaveLength(1)
      expect(open.size).toBe(1)
    })

    it("the sidebar badge follows the inbox count without polling", async () => {
      const badgeCount = async () => {
        const badge = tabs[0].getByTestId("sidebar-unread-badge")
        // without waiting: the badge leaves the page at 0, maybe between a count and a read
        return Number(await badge.evaluateAll((found) => found[0]?.getAttribute("data-count"))) || 0
      }
      const { conversation } = await store.affiliateWrites(northwind, `A private question ${Date.now()}`, "member")
      // read for every admin (the GET does it): the next message makes it unread again
      await store.request("GET", `/admin/conversations/${conversation.id}`, { headers: store.admin })
      const before = await adminUnreadCount()
      const waitForPush = { timeoutMs: PUSHED_UPDATE_WAIT_MS, intervalMs: 50 }
      await eventually(async () => expect(await badgeCount()).toBe(before), waitForPush)
      await pushed(
        () => store.affiliateReplies(northwind, conversation.id, `And a follow-up ${Date.now()}`),
        () => eventually(async () => expect(await badgeCount()).toBe(before + 1), waitForPush)
      )
      expect(await adminUnreadCount()).toBe(before + 1)
    })

    it("when the tab holding the stream closes, another takes over and resumes from the last event", async () => {
      await tabs[0].close()
      await eventually(() => expect(streams).toHaveLength(2))
      expect(await streams[1].headerValue("last-event-id")).toBeTruthy()
      await streams[1].response()
      const text = `After the handover ${Date.now()}`
      await pushed(
        () => store.affiliateReplies(northwind, threadId, text),
        () => bodiesIn(tabs[1]).filter({ hasText: text }).waitFor({ timeout: PUSHED_UPDATE_WAIT_MS })
      )
      expect(streams).toHaveLength(2)
      // a closed tab's requests may end without an event
      expect([...open].filter((request) => !request.frame().page().isClosed())).toEqual([streams[1]])
    })
  })

  const adminUnreadCount = async () =>
    (await store.request("GET", "/admin/conversations?limit=1", { headers: store.admin })).data.unread_count
})
