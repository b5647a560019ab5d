import { launchChromium, screenshotPath } from "../../../integration-tests/helpers/browser"
import { renderAffiliateInviteEmail, renderNewMessageEmail } from ".."

jest.setTimeout(60_000)

/**
 * The templates as a mail client shows them: rendered HTML opened in real
 * Chromium, screenshots saved under .tmp/screenshots for a person to look at.
 */
describe("email templates in a browser", () => {
  let chromium: Awaited<ReturnType<typeof launchChromium>>
  beforeAll(async () => {
    chromium = await launchChromium({ width: 700, height: 800 })
  })
  afterAll(async () => {
    await chromium?.close()
  })

  const open = async (html: string, name: string) => {
    const page = await chromium.context.newPage()
    await page.setContent(html)
    await page.screenshot({ path: screenshotPath(name), fullPage: true })
    return page
  }

  it("new message to an affiliate: escaped preview, attachment count, button, opt-out hint", async () => {
    const email = await renderNewMessageEmail({
      storeName: "Demo Outfitters",
      audience: "affiliate",
      affiliateName: "Northwind Media",
      messages: [
        {
          sender: "Dana from Demo Outfitters",
          preview: 'Your payout is ready <img src=x onerror=alert(1)> — see https://demo.test/payouts',
          attachment_count: 2,
        },
      ],
      link: "https://shop.test/affiliate/messages/conv_123",
    })
    const page = await open(email.html, "email-new-message-affiliate")
    const text = await page.innerText("body")
    expect(text).toContain("<img src=x onerror=alert(1)>")
    expect(await page.locator("img").count()).toBe(0)
    expect(text).toContain("2 attached files")
    expect(text).toMatch(/switch off email notifications/)
    expect(await page.getAttribute("a", "href")).toBe("https://shop.test/affiliate/messages/conv_123")
    expect(email.subject).toBe("Demo Outfitters: new message from Dana from Demo Outfitters")
    expect(email.text).toContain("Read and reply")
  })

  it("new messages to the owner: several messages of a delay window in one email", async () => {
    const email = await renderNewMessageEmail({
      storeName: "Demo Outfitters",
      audience: "owner",
      affiliateName: "Blue Peak Reviews",
      messages: [
        { sender: "Cara Lind", preview: "Can we get custom codes?", attachment_count: 0 },
        { sender: "Cara Lind", preview: "For the spring campaign.\nThanks!", attachment_count: 1 },
      ],
      link: "https://shop.test/app/messages/conv_456",
    })
    const page = await open(email.html, "email-new-message-owner")
    const text = await page.innerText("body")
    expect(text).toContain("2 new messages in your conversation with Blue Peak Reviews")
    expect(text).toContain("Can we get custom codes?")
    expect(text).toContain("1 attached file")
    expect(text).not.toMatch(/switch off email notifications/)
    expect(await page.getAttribute("a", "href")).toBe("https://shop.test/app/messages/conv_456")
  })

  it("affiliate invite", async () => {
    const email = await renderAffiliateInviteEmail({
      storeName: "Demo Outfitters",
      affiliateName: "Northwind Media",
      acceptUrl: "https://shop.test/affiliate/invite?token=abc",
      expiresAt: new Date("2026-12-01T10:00:00Z"),
    })
    const page = await open(email.html, "email-affiliate-invite")
    expect(await page.innerText("body")).toContain("You are invited to join Northwind Media")
    expect(await page.getAttribute("a", "href")).toBe("https://shop.test/affiliate/invite?token=abc")
    expect(email.text).toContain("https://shop.test/affiliate/invite?token=abc")
  })
})
