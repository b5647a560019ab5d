import fs from "fs"
import type { Locator, Page } from "playwright-core"
import type { AdminApp } from "./admin-app"
import { CHROMIUM_PATH, screenshotPath } from "./browser"
export { eventually } from "./eventually"

/**
 * Why browser suites cannot run here, or null when they can. Only a missing
 * Chromium is a reason to skip; anything else that goes wrong fails.
 */
export function chromiumMissingReason(): string | null {
  return fs.existsSync(CHROMIUM_PATH)
    ? null
    : `SKIPPED: no Chromium at ${CHROMIUM_PATH} (install Debian's: apt-get install chromium, or set CHROMIUM_PATH)`
}

/** `describe`, or `describe.skip` with the reason printed once, when Chromium is missing. */
export function describeWithChromium(name: string, body: () => void) {
  const reason = chromiumMissingReason()
  if (reason) {
    // eslint-disable-next-line no-console
    console.warn(`[browser tests] ${name}: ${reason}`)
    return describe.skip(name, body)
  }
  return describe(name, body)
}

/** The dashboard's side bar (main menu, settings, user menu). */
export const sidebar = (page: Page): Locator => page.locator("aside").first()

/**
 * Logs in through the dashboard's real login page (`${adminUrl}/login`):
 * email, password, Continue; resolves once the shell with its side bar and
 * the signed-in user is shown.
 */
export async function loginToAdmin(
  page: Page,
  app: Pick<AdminApp, "adminUrl" | "adminEmail" | "adminPassword">,
  { timeoutMs = 60_000 } = {}
) {
  await page.goto(`${app.adminUrl}/login`, { timeout: timeoutMs })
  await page.locator('input[name="email"]').fill(app.adminEmail, { timeout: timeoutMs })
  await page.locator('input[name="password"]').fill(app.adminPassword)
  await page.locator('form button[type="submit"]').click()
  await page.waitForURL((url) => !url.pathname.endsWith("/login"), { timeout: timeoutMs })
  await sidebar(page).getByText(app.adminEmail).waitFor({ timeout: timeoutMs })
}

/**
 * Waits, at most `timeoutMs` and without failing, until the page is done
 * loading: network idle after a full load, and no loading skeleton (the
 * dashboard's `animate-pulse` placeholders) left on screen.
 */
export async function settle(page: Page, timeoutMs = 5_000) {
  await page.waitForLoadState("networkidle", { timeout: timeoutMs }).catch(() => {})
  await page
    .waitForFunction(() => !document.querySelector(".animate-pulse"), undefined, { timeout: timeoutMs })
    .catch(() => {})
}

/**
 * Saves a screenshot under .tmp/screenshots/<name>.png (git-ignored), once
 * the page has settled, and returns its path.
 */
export async function shot(page: Page, name: string, { fullPage = false } = {}) {
  await settle(page)
  const file = screenshotPath(name)
  await page.screenshot({ path: file, fullPage })
  return file
}

/**
 * Collects what goes wrong in the page: uncaught exceptions, console errors
 * (except the 401 the dashboard gets while nobody is logged in) and failed
 * requests (status ≥ 500, or no answer at all). Assert `problems()` is empty
 * at the end of a test.
 */
export function watchPage(page: Page, { ignore = [] as RegExp[] } = {}) {
  ignore = [/Failed to load resource: the server responded with a status of 401/, ...ignore]
  const problems: string[] = []
  const keep = (text: string) => {
    if (!ignore.some((pattern) => pattern.test(text))) problems.push(text)
  }
  page.on("pageerror", (error) => keep(`page error: ${error.message}`))
  page.on("console", (message) => {
    if (message.type() === "error") keep(`console error: ${message.text()}`)
  })
  page.on("response", (response) => {
    if (response.status() >= 500) keep(`HTTP ${response.status()} ${response.request().method()} ${response.url()}`)
  })
  page.on("requestfailed", (request) => {
    const reason = request.failure()?.errorText ?? ""
    // requests the page itself abandoned (navigation, cancelled queries) are not failures
    if (!/ERR_ABORTED/.test(reason)) keep(`request failed: ${request.method()} ${request.url()} (${reason})`)
  })
  return { problems: () => [...problems] }
}

