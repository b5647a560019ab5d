import type { Page } from "playwright-core"
import { describeWithChromium, eventually, shot, watchPage } from "../helpers/admin-browser"
import { launchChromium, NO_LONG_TIMERS, PUSHED_UPDATE_WAIT_MS, shownCount } from "../helpers/browser"
import { startDemo, type DemoInfo } from "../helpers/demo-process"
import { appendEmailMessage } from "../helpers/email-message"
import { FIXTURES } from "../helpers/fixtures"
import { request } from "../helpers/store-affiliate"

/**
 * The demo's storefront page (`npm run demo`, storefront_url), which embeds
 * the published `<affiliate-messages>` widget, driven in Chromium as an
 * affiliate: login, badge, reading, replying with an attachment, the
 * disabled state, markup shown as text.
 */
jest.setTimeout(120_000)

describeWithChromium("demo storefront page with the Messages widget, in Chromium", () => {
  let stopDemo: (() => Promise<void>) | undefined
  let info: DemoInfo
  let database: string
  let adminHeaders: Record<string, string>
  let browser: Awaited<ReturnType<typeof launchChromium>>
  let page: Page
  let watcher: ReturnType<typeof watchPage>

  const badge = () => page.locator("affiliate-messages-badge").getByTestId("amsg-badge")
  const widget = () => page.locator("affiliate-messages")
  const bodies = () => widget().getByTestId("amsg-message-body")

  const login = async (email: string, password: string) => {
    await page.goto(info.storefront_url)
    await widget().getByLabel("Email").fill(email)
    await widget().getByLabel("Password").fill(password)
    await widget().getByRole("button", { name: "Log in" }).click()
    await widget().getByTestId("amsg-conversations").waitFor()
  }

  beforeAll(async () => {
    const demo = await startDemo("storefront")
    stopDemo = demo.stop
    info = demo.info
    database = demo.database
    const { data } = await request(info.backend_url, "POST", "/auth/user/emailpass", {
      body: { email: info.admin_email, password: info.admin_password },
    })
    adminHeaders = { authorization: `Bearer ${data.token}` }

    browser = await launchChromium()
    page = await browser.context.newPage()
    // a refused upload's 415 is expected
    watcher = watchPage(page, { ignore: [/status of 415/] })
  }, 600_000)

  afterAll(async () => {
    await browser?.close()
    await stopDemo?.()
  })

  it("serves the storefront page the demo prints, with the widget's login form", async () => {
    expect(info.storefront_url).toBe(`${info.backend_url}/affiliate/messages`)
    await page.goto(info.storefront_url)
    await widget().getByRole("button", { name: "Log in" }).waitFor()
    await shot(page, "storefront-login")
  })

  it("a member logs in and sees its conversations with the unread badge", async () => {
    const ann = info.affiliates[0]
    await login(ann.email, ann.password)
    const { data } = await request(info.backend_url, "GET", "/store/affiliates/me/messaging", {
      headers: await memberHeaders(ann.email, ann.password),
    })
    expect(data.messaging.unread_count).toBeGreaterThan(0)
    await eventually(async () => expect(await badge().textContent()).toBe(String(data.messaging.unread_count)))
    await shot(page, "storefront-conversations")
  })

  it("opening an unread thread reads it: the badge drops", async () => {
    const before = Number(await badge().textContent())
    await widget().locator('[data-testid="amsg-conversation"][data-unread="true"]').first().click()
    await widget().getByTestId("amsg-thread").waitFor()
    await eventually(async () => {
      expect(await shownCount(badge())).toBe(before - 1)
    })
    await shot(page, "storefront-thread")
  })

  it("replies with an attachment; the image shows as a thumbnail", async () => {
    await widget().getByTestId("amsg-file-input").setInputFiles({
      name: "banner.png",
      mimeType: "image/png",
      buffer: FIXTURES.png,
    })
    await widget().locator('[data-testid="amsg-upload"][data-state="uploaded"]').filter({ hasText: "banner.png" }).waitFor()
    await widget().getByRole("textbox").fill("Here is our banner for the launch post.")
    await page.keyboard.press("Control+Enter")
    await bodies().filter({ hasText: "banner for the launch post" }).waitFor()
    const thumbnail = widget().locator('[data-testid="amsg-attachment-image"] img').last()
    await eventually(async () =>
      expect(await thumbnail.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1)
    )
    await shot(page, "storefront-reply-attachment")
  })

  it("shows the store's markup as text, never as HTML", async () => {
    const ann = info.affiliates[0]
    const payload = `<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>`
    const sent = await request(info.backend_url, "POST", "/admin/conversations", {
      headers: adminHeaders,
      body: { affiliate_id: ann.affiliate_id, member_id: ann.member_id, body: payload },
    })
    expect([200, 201]).toContain(sent.status)
    await page.goto(`${info.storefront_url}/${sent.data.conversation.id}`)
    const body = bodies().filter({ hasText: "<img src=x" })
    await body.waitFor()
    expect(await body.textContent()).toBe(payload)
    expect(await body.locator("img, script").count()).toBe(0)
    expect(await page.evaluate(() => (window as any).__xss)).toBeUndefined()
    await shot(page, "storefront-xss-as-text")
  })

  it("shows a broadcast's merged affiliate name as text, never as HTML", async () => {
    const ann = info.affiliates[0]
    const name = `<img src=x onerror="window.__xss=3"> Media`
    const rename = (to: string) =>
      request(info.backend_url, "POST", `/admin/affiliates/${ann.affiliate_id}`, { headers: adminHeaders, body: { name: to } })
    const before = await request(info.backend_url, "GET", `/admin/affiliates/${ann.affiliate_id}`, { headers: adminHeaders })
    expect((await rename(name)).status).toBe(200)
    const created = await request(info.backend_url, "POST", "/admin/affiliate-broadcasts", {
      headers: adminHeaders,
      body: { body: "Hi {{affiliate.name}}, welcome aboard.", audience: { affiliate_ids: [ann.affiliate_id] } },
    })
    expect(created.status).toBe(202)
    const recipient = await eventually(async () => {
      const { data } = await request(info.backend_url, "GET", `/admin/affiliate-broadcasts/${created.data.broadcast.id}/recipients?status=delivered`, {
        headers: adminHeaders,
      })
      expect(data.recipients).toHaveLength(1)
      return data.recipients[0]
    })
    // the copy keeps the name it was sent with
    expect((await rename(before.data.affiliate.name)).status).toBe(200)
    await page.goto(`${info.storefront_url}/${recipient.conversation_id}`)
    const body = bodies().filter({ hasText: "<img src=x" })
    await body.waitFor()
    expect(await body.textContent()).toBe(`Hi ${name}, welcome aboard.`)
    expect(await body.locator("img, script").count()).toBe(0)
    expect(await page.evaluate(() => (window as any).__xss)).toBeUndefined()
    await shot(page, "storefront-broadcast-name-as-text")
  })

  it("a message that came by email says 'via email' in the widget; one typed in the app does not", async () => {
    const ann = info.affiliates[0]
    const sent = await request(info.backend_url, "POST", "/admin/conversations", {
      headers: adminHeaders,
      body: { affiliate_id: ann.affiliate_id, member_id: ann.member_id, body: "Typed in the admin" },
    })
    expect([200, 201]).toContain(sent.status)
    // as reply by email posts it: the messaging module's own append, source "email"
    await appendEmailMessage(database, {
      conversation_id: sent.data.conversation.id,
      author_type: "owner",
      author_id: null,
      author_name: "Store team",
      body: "Answered by the store from a mail app",
    })
    await page.goto(`${info.storefront_url}/${sent.data.conversation.id}`)
    const emailed = widget().getByTestId("amsg-message").filter({ hasText: "Answered by the store from a mail app" })
    await emailed.getByTestId("amsg-via-email").waitFor()
    expect(await emailed.getByTestId("amsg-via-email").textContent()).toBe("via email")
    expect(await widget().getByTestId("amsg-message").filter({ hasText: "Typed in the admin" }).getByTestId("amsg-via-email").count()).toBe(0)
    await shot(page, "storefront-via-email")
  })

  it("updates an open thread and the badge live; a store message arriving in the open thread is read at once", async () => {
    const ann = info.affiliates[0]
    const headers = await memberHeaders(ann.email, ann.password)
    const { data } = await request(info.backend_url, "GET", "/store/affiliates/me/conversations", { headers })
    const team = data.conversations.find((conversation: any) => !conversation.member)
    const own = data.conversations.find((conversation: any) => conversation.member)
    const storeWrites = (conversationId: string, body: string) =>
      request(info.backend_url, "POST", `/admin/conversations/${conversationId}/messages`, {
        headers: adminHeaders,
        body: { body },
      })
    const unread = async (conversationId: string) =>
      (await request(info.backend_url, "GET", `/store/affiliates/me/conversations/${conversationId}?mark_read=false`, { headers }))
        .data.conversation.unread

    // the first tab shows ann's own thread, which would read the store's message there at once
    await page.goto(info.storefront_url)
    await widget().getByTestId("amsg-conversations").waitFor()
    const tab = await browser.context.newPage()
    const tabWatcher = watchPage(tab)
    // no timer of 5 s or more fires in this tab: what updates it is the stream, not polling
    await tab.addInitScript(NO_LONG_TIMERS)
    const streams: string[] = []
    tab.on("request", (sent) => {
      if (new URL(sent.url()).pathname === "/store/affiliates/me/stream") streams.push(sent.url())
    })
    const opened = tab.waitForResponse((answer) => new URL(answer.url()).pathname === "/store/affiliates/me/stream")
    await tab.goto(`${info.storefront_url}/${team.id}`)
    const messages = tab.locator("affiliate-messages")
    await messages.getByTestId("amsg-thread").waitFor()
    expect((await opened).status()).toBe(200)

    const text = `Live from the store ${Date.now()}`
    const started = Date.now()
    expect([200, 201]).toContain((await storeWrites(team.id, text)).status)
    await messages.getByTestId("amsg-message-body").filter({ hasText: text }).waitFor({ timeout: PUSHED_UPDATE_WAIT_MS })
    console.log(`[live] storefront thread updated ${Date.now() - started} ms after the store's message`)
    // the member was looking at it: read at once, so a delayed notification email leaves it out
    const waitForPush = { timeoutMs: PUSHED_UPDATE_WAIT_MS, intervalMs: 50 }
    await eventually(async () => expect(await unread(team.id)).toBe(false), waitForPush)

    const liveBadge = tab.locator("affiliate-messages-badge").getByTestId("amsg-badge")
    const badgeCount = () => shownCount(liveBadge)
    // the other thread read (the GET does it), so the next store message there makes it unread
    await request(info.backend_url, "GET", `/store/affiliates/me/conversations/${own.id}`, { headers })
    const before = (await request(info.backend_url, "GET", "/store/affiliates/me/messaging", { headers })).data.messaging
      .unread_count
    await eventually(async () => expect(await badgeCount()).toBe(before))
    const sent = await storeWrites(own.id, `For you only ${Date.now()}`)
    expect([200, 201]).toContain(sent.status)
    const sentAt = Date.now()
    expect(
      (await request(info.backend_url, "GET", "/store/affiliates/me/messaging", { headers })).data.messaging.unread_count
    ).toBe(before + 1)
    await eventually(async () => expect(await badgeCount()).toBe(before + 1), waitForPush)
    console.log(`[live] storefront badge updated within ${Date.now() - sentAt} ms`)

    // the badge and the Messages element share one stream
    expect(streams).toHaveLength(1)
    expect(tabWatcher.problems()).toEqual([])
    await tab.close()
  })

  it("a member of a group with messaging disabled sees the store's text and no composer", async () => {
    await widget().getByRole("button", { name: "Log out" }).click()
    const dan = info.affiliates[3]
    await login(dan.email, dan.password)
    const { data } = await request(info.backend_url, "GET", "/store/affiliates/me/messaging", {
      headers: await memberHeaders(dan.email, dan.password),
    })
    expect(data.messaging.enabled).toBe(false)
    await widget().getByTestId("amsg-disabled").first().getByText(data.messaging.disabled_message).waitFor()
    await widget().getByTestId("amsg-conversation").first().click()
    await widget().getByTestId("amsg-thread").waitFor()
    expect(await widget().getByTestId("amsg-composer").count()).toBe(0)
    await shot(page, "storefront-disabled")
  })

  it("no page errors, console errors or failed requests", () => {
    expect(watcher.problems()).toEqual([])
  })

  const memberHeaders = async (email: string, password: string) => {
    const { data } = await request(info.backend_url, "POST", "/auth/affiliate/emailpass", {
      body: { email, password },
    })
    return { authorization: `Bearer ${data.token}`, "x-publishable-api-key": info.publishable_key }
  }
})
