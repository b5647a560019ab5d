import type { Page } from "playwright-core"
import { AdminApp, startAdminApp } from "../helpers/admin-app"
import { describeWithChromium, loginToAdmin, shot, sidebar, watchPage } from "../helpers/admin-browser"
import { launchChromium } from "../helpers/browser"
import { connectToStore } from "../helpers/store-affiliate"

/**
 * The admin dashboard of a store that installed the packed plugin, built
 * with `medusa build` and run with `medusa start`, driven in real Chromium.
 * Screenshots land in .tmp/screenshots for a person to look at.
 */
jest.setTimeout(120_000)

describeWithChromium("admin dashboard with the plugin, in Chromium", () => {
  let app: AdminApp
  let browser: Awaited<ReturnType<typeof launchChromium>>
  let page: Page
  let watcher: ReturnType<typeof watchPage>

  beforeAll(async () => {
    const steps: string[] = []
    app = await startAdminApp({ report: (line) => steps.push(line) })
    // eslint-disable-next-line no-console
    console.log(
      `[admin-app] ready at ${app.adminUrl} in ${app.timings.total.toFixed(1)} s, ` +
        `server RSS ${app.rssMb()} MB\n  ${steps.join("\n  ")}`
    )
    browser = await launchChromium()
    page = await browser.context.newPage()
    watcher = watchPage(page)
  }, 600_000)

  afterAll(async () => {
    await browser?.close()
    await app?.stop()
  })

  it("logs in through the real login page and shows the dashboard", async () => {
    await loginToAdmin(page, app)
    expect(new URL(page.url()).pathname.startsWith("/app")).toBe(true)
    await expect(sidebar(page).getByText("Settings").isVisible()).resolves.toBe(true)
    await shot(page, "admin-home")
  })

  it("renders the Orders page with its heading", async () => {
    await page.goto(`${app.adminUrl}/orders`)
    const heading = page.getByRole("heading", { level: 1, name: "Orders" })
    await heading.waitFor()
    await shot(page, "admin-orders")
  })

  it("the plugin's store and admin routes answer on the same server", async () => {
    const store = await connectToStore(app)
    const team = await store.activeTeam("Smoke Media", "owner@smoke-media.test")
    const { conversation } = await store.affiliateWrites(team, "Hello from the smoke test")
    const inbox = await store.request("GET", "/admin/conversations", { headers: store.admin })
    expect(inbox.status).toBe(200)
    expect(inbox.data.conversations.map((c: any) => c.id)).toContain(conversation.id)
  })

  it("no page errors, console errors or failed requests in the dashboard", () => {
    expect(watcher.problems()).toEqual([])
  })
})
