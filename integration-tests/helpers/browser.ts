import fs from "fs"
import os from "os"
import path from "path"
import { chromium, BrowserContext, Locator } from "playwright-core"

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || "/usr/bin/chromium"

/**
 * Debian's Chromium, headless, with a fresh profile (playwright passes it as
 * --user-data-dir); nothing is downloaded.
 */
export async function launchChromium(
  viewport = { width: 1280, height: 800 }
): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "affmsg-chromium-"))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  })
  return {
    context,
    close: async () => {
      await context.close()
      fs.rmSync(profile, { recursive: true, force: true })
    },
  }
}

/** Where screenshots go: looked at by people, ignored by git. */
export function screenshotPath(name: string) {
  const dir = path.resolve(__dirname, "../../.tmp/screenshots")
  fs.mkdirSync(dir, { recursive: true })
  return path.join(dir, `${name}.png`)
}

/**
 * An init script (`context.addInitScript`) after which no timer of 5 s or
 * more fires in the page: what still updates it is pushed (a stream), not
 * polled.
 */
export const NO_LONG_TIMERS = `(() => {
  for (const name of ["setTimeout", "setInterval"]) {
    const original = window[name].bind(window)
    window[name] = (callback, ms, ...args) => (Number(ms) >= 5000 ? 0 : original(callback, ms, ...args))
  }
})()`

/**
 * How long a browser test waits for a pushed update. The contract's "within
 * a second" is measured by the bench (`live_delivery_p95_ms`, on a quiet
 * machine); here the suite shares 2 cores with another suite and Chromium,
 * so the wait is longer, but still under NO_LONG_TIMERS' 5 s: whatever
 * arrives in time came by the stream, never by a poll or a reload.
 */
export const PUSHED_UPDATE_WAIT_MS = 4_500

/**
 * The number a badge shows now, 0 when it is not on the page; without
 * waiting: a badge leaves the page at 0, maybe between a `count()` and a
 * `textContent()`, which would then wait its whole timeout for it.
 */
export async function shownCount(badge: Locator): Promise<number> {
  return Number((await badge.allTextContents())[0] ?? 0)
}
