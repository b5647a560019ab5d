import { ChildProcess, execFileSync, spawn } from "child_process"
import fs from "fs"
import path from "path"
import type { Page } from "playwright-core"
import { describeWithChromium, eventually, shot, watchPage } from "../helpers/admin-browser"
import { launchChromium, shownCount } from "../helpers/browser"
import { startDemo, type DemoInfo } from "../helpers/demo-process"
import { FIXTURES } from "../helpers/fixtures"
import { PLUGIN_BUILD_LOCK } from "../helpers/pack"
import { freePortSync } from "../helpers/ports"
import { request } from "../helpers/store-affiliate"

/**
 * examples/nextjs-storefront (a Next.js App Router storefront with the
 * Messages tab) installed with npm, built with `next build`, served by
 * `next start` against the demo backend and driven in Chromium: an affiliate
 * logs in (its token lands in an httpOnly cookie the page cannot read), sees
 * the badge, opens a thread and replies; the reply is in the admin API.
 */
jest.setTimeout(180_000)

const root = path.resolve(__dirname, "../..")
const example = path.join(root, "examples/nextjs-storefront")
const next = path.join(example, "node_modules/next/dist/bin/next")

/** npm install (the storefront package as a packed copy, see its .npmrc) and `next build`. */
function buildExample() {
  const env = {
    ...process.env,
    // jest's NODE_ENV=test would leak into the build and the server
    NODE_ENV: "production",
    NODE_OPTIONS: "",
    NEXT_TELEMETRY_DISABLED: "1",
    NPM_CONFIG_UPDATE_NOTIFIER: "false",
  }
  // a fresh copy of the storefront package, built and packed under the build lock like the plugin's
  fs.rmSync(path.join(example, "node_modules/medusa-plugin-affiliate-messaging-storefront"), {
    recursive: true,
    force: true,
  })
  execFileSync(
    "flock",
    [
      PLUGIN_BUILD_LOCK,
      "sh",
      "-c",
      `node "$0/packages/storefront/scripts/build.mjs" && npm install --no-audit --no-fund --prefer-offline`,
      root,
    ],
    { cwd: example, env, stdio: "pipe" }
  )
  execFileSync(process.execPath, [next, "build"], { cwd: example, env, stdio: "pipe" })
}

describeWithChromium("the Next.js storefront example, built and served, in Chromium", () => {
  let stopDemo: (() => Promise<void>) | undefined
  let info: DemoInfo
  let storefront: ChildProcess | undefined
  let storefrontLog = ""
  let storefrontUrl: string
  let adminHeaders: Record<string, string>
  let browser: Awaited<ReturnType<typeof launchChromium>>
  let page: Page
  let watcher: ReturnType<typeof watchPage>
  let openThreadId: string
  /** Answers to the member stream through the storefront's proxy route. */
  const streamStatuses: number[] = []

  const badge = () => page.getByTestId("nav-messages").getByTestId("amsg-badge")
  const messages = () => page.locator(".amsg-root").last()

  beforeAll(async () => {
    buildExample()
    const demo = await startDemo("nextjs")
    stopDemo = demo.stop
    info = demo.info
    const { data } = await request(info.backend_url, "POST", "/auth/user/emailpass", {
      body: { email: info.admin_email, password: info.admin_password },
    })
    adminHeaders = { authorization: `Bearer ${data.token}` }

    const port = freePortSync()
    storefrontUrl = `http://127.0.0.1:${port}`
    storefront = spawn(process.execPath, [next, "start", "-p", String(port), "-H", "127.0.0.1"], {
      cwd: example,
      env: {
        ...process.env,
        NODE_ENV: "production",
        NODE_OPTIONS: "",
        NEXT_TELEMETRY_DISABLED: "1",
        MEDUSA_BACKEND_URL: info.backend_url,
        NEXT_PUBLIC_MEDUSA_PUBLISHABLE_KEY: info.publishable_key,
      },
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    })
    storefront.stdout!.on("data", (chunk) => (storefrontLog += chunk))
    storefront.stderr!.on("data", (chunk) => (storefrontLog += chunk))
    await eventually(
      async () => {
        if (storefront!.exitCode !== null) throw new Error(`next start exited:\n${storefrontLog.slice(-3000)}`)
        return (await fetch(storefrontUrl).catch(() => null))?.ok === true
      },
      { timeoutMs: 60_000, intervalMs: 500 }
    )

    browser = await launchChromium()
    page = await browser.context.newPage()
    watcher = watchPage(page)
    page.on("response", (answer) => {
      if (new URL(answer.url()).pathname === "/api/affiliate/store/affiliates/me/stream") streamStatuses.push(answer.status())
    })
  }, 1_200_000)

  afterAll(async () => {
    await browser?.close()
    if (storefront && storefront.exitCode === null) {
      const exited = new Promise((resolve) => storefront!.once("exit", resolve))
      process.kill(-storefront.pid!, "SIGTERM")
      await exited
    }
    await stopDemo?.()
  })

  it("renders the store's pages on the server with the publishable key", async () => {
    await page.goto(storefrontUrl)
    await page.getByRole("heading", { name: "Northwind storefront" }).waitFor()
    expect(await page.getByTestId("regions").textContent()).not.toContain("unavailable")
    // logged out: the Messages page sends the visitor to the login
    await page.goto(`${storefrontUrl}/affiliate/messages`)
    await page.waitForURL(`${storefrontUrl}/affiliate/login`)
    await shot(page, "nextjs-login")
  })

  it("logs an affiliate in; the token stays in an httpOnly cookie and the badge shows the unread count", async () => {
    const ann = info.affiliates[0]
    await page.getByLabel("Email").fill(ann.email)
    await page.getByLabel("Password").fill(ann.password)
    await page.getByRole("button", { name: "Log in" }).click()
    await page.waitForURL(`${storefrontUrl}/affiliate/messages`)
    await messages().getByTestId("amsg-conversations").waitFor()

    const cookie = (await browser.context.cookies(storefrontUrl)).find((c) => c.name === "affiliate_token")
    // Secure too (next start runs in production; Chromium keeps Secure cookies of http://127.0.0.1)
    expect(cookie).toEqual(expect.objectContaining({ httpOnly: true, secure: true, sameSite: "Lax", path: "/" }))
    expect(await page.evaluate(() => document.cookie)).not.toContain("affiliate_token")
    // the server component read the account with that token
    expect(await page.getByTestId("account").textContent()).toContain(",")

    const { data } = await request(info.backend_url, "GET", "/store/affiliates/me/messaging", {
      headers: { authorization: `Bearer ${cookie!.value}`, "x-publishable-api-key": info.publishable_key },
    })
    expect(data.messaging.unread_count).toBeGreaterThan(0)
    await eventually(async () => expect(await badge().textContent()).toBe(String(data.messaging.unread_count)))
    await shot(page, "nextjs-messages")
  })

  it("opens an unread thread and replies; the reply is in the admin API", async () => {
    const ann = info.affiliates[0]
    const before = Number(await badge().textContent())
    await messages().locator('[data-testid="amsg-conversation"][data-unread="true"]').first().click()
    await messages().getByTestId("amsg-thread").waitFor()
    await eventually(async () => {
      expect(await shownCount(badge())).toBe(before - 1)
    })

    // the upload streams through the storefront's proxy route, and so does the thumbnail's download
    await messages().getByTestId("amsg-file-input").setInputFiles({
      name: "banner.png",
      mimeType: "image/png",
      buffer: FIXTURES.png,
    })
    await messages().locator('[data-testid="amsg-upload"][data-state="uploaded"]').filter({ hasText: "banner.png" }).waitFor()
    const reply = `Sent from the Next.js storefront ${Date.now()}`
    await messages().getByRole("textbox").fill(reply)
    await page.keyboard.press("Control+Enter")
    await messages().getByTestId("amsg-message-body").filter({ hasText: reply }).waitFor()
    const thumbnail = messages().locator('[data-testid="amsg-attachment-image"] img').last()
    await eventually(async () =>
      expect(await thumbnail.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1)
    )
    await shot(page, "nextjs-reply")

    const { data: inbox } = await request(
      info.backend_url,
      "GET",
      `/admin/conversations?affiliate_id=${ann.affiliate_id}&q=${encodeURIComponent(reply)}`,
      { headers: adminHeaders }
    )
    expect(inbox.conversations).toHaveLength(1)
    openThreadId = inbox.conversations[0].id
    const { data: thread } = await request(
      info.backend_url,
      "GET",
      `/admin/conversations/${inbox.conversations[0].id}/messages`,
      { headers: adminHeaders }
    )
    expect(thread.messages.at(-1)).toEqual(
      expect.objectContaining({
        body: reply,
        author_type: "affiliate",
        author: expect.objectContaining({ id: ann.member_id }),
        attachments: [expect.objectContaining({ filename: "banner.png", mime_type: "image/png" })],
      })
    )
  })

  it("streams live updates through the proxy: the store's reply shows in the open thread", async () => {
    const text = `The store answers live ${Date.now()}`
    await request(info.backend_url, "POST", `/admin/conversations/${openThreadId}/messages`, {
      headers: adminHeaders,
      body: { body: text },
    })
    // well before the 30 s the client would poll at if the stream were down
    await messages().getByTestId("amsg-message-body").filter({ hasText: text }).waitFor({ timeout: 5_000 })
    expect(streamStatuses).toEqual([200])
  })

  it("forwards only the member's own routes, and only with the cookie", async () => {
    const forwarded = async (route: string, headers: Record<string, string> = {}) =>
      (await fetch(`${storefrontUrl}/api/affiliate${route}`, { headers })).status
    expect(await forwarded("/admin/users")).toBe(404)
    expect(await forwarded("/store/affiliates")).toBe(404)
    expect(await forwarded("/store/affiliates/me")).toBe(401)
    const cookie = (await browser.context.cookies(storefrontUrl)).find((c) => c.name === "affiliate_token")!
    expect(await forwarded("/store/affiliates/me", { cookie: `affiliate_token=${cookie.value}` })).toBe(200)
  })

  it("no page errors, console errors or failed requests", () => {
    expect(watcher.problems()).toEqual([])
  })
})
