import { launchChromium, screenshotPath } from "../../../integration-tests/helpers/browser"
import { renderAffiliateInviteEmail, renderMessageDigestEmail, renderNewMessageEmail } from ".."
import { REPLY_MARKER } from "../../utils/reply-marker"

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
          sent_at: "2026-12-01T09:30:12.000Z",
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

  it("the preheader's invisible padding goes out as character references, read as the same characters", async () => {
    const preview = "Grüße\u00A0— 👋"
    const email = await renderNewMessageEmail({
      storeName: "Demo Outfitters",
      audience: "affiliate",
      affiliateName: "Northwind Media",
      messages: [{ sender: "Dana", sent_at: "2026-12-01T09:30:12.000Z", preview, attachment_count: 0 }],
      link: "https://shop.test/affiliate/messages/conv_123",
    })
    // ASCII for nodemailer's quoted-printable encoder: no raw padding character is left
    expect(email.html).not.toMatch(/[\u00A0\u200B-\u200F\uFEFF]/)
    expect(email.html).toContain("&#8204;")
    expect(email.html).toContain("Grüße&#160;— 👋")
    const page = await open(email.html, "email-new-message-preheader")
    const preheader = await page.locator("[data-skip-in-text]").first().textContent()
    expect(preheader).toMatch(/^Dana: Grüße\u00A0— 👋/)
    expect(preheader).toMatch(/(\u00A0\u200C\u200B\u200D\u200E\u200F\uFEFF)+$/)
    expect(await page.innerText("body")).toContain("Grüße\u00A0— 👋")
    expect(email.text).toContain("Grüße\u00A0— 👋")
  })

  it("reply by email on: the reply marker is the first line of the text part and the first text shown", async () => {
    const email = await renderNewMessageEmail({
      storeName: "Demo Outfitters",
      audience: "affiliate",
      affiliateName: "Northwind Media",
      messages: [{ sender: "Dana", sent_at: "2026-12-01T09:30:12.000Z", preview: "Any questions?", attachment_count: 0 }],
      link: "https://shop.test/affiliate/messages/conv_123",
      replyByEmail: true,
    })
    expect(email.text.trimStart().split("\n")[0]).toBe(REPLY_MARKER)
    const page = await open(email.html, "email-new-message-reply-marker")
    const text = await page.innerText("body")
    expect(text.trimStart().startsWith(REPLY_MARKER)).toBe(true)
    expect(text.indexOf(REPLY_MARKER)).toBeLessThan(text.indexOf("Any questions?"))
  })

  it("new messages to the owner: several messages of a delay window in one email", async () => {
    const email = await renderNewMessageEmail({
      storeName: "Demo Outfitters",
      audience: "owner",
      affiliateName: "Blue Peak Reviews",
      messages: [
        { sender: "Cara Lind", sent_at: "2026-12-01T09:30:12.000Z", preview: "Can we get custom codes?", attachment_count: 0 },
        { sender: "Cara Lind", sent_at: "2026-12-01T09:30:40.000Z", preview: "For the spring campaign.\nThanks!", attachment_count: 1 },
      ],
      link: "https://shop.test/app/messages/conv_456",
    })
    const page = await open(email.html, "email-new-message-owner")
    const text = await page.innerText("body")
    expect(text).toContain("2 new messages in your conversation with Blue Peak Reviews")
    expect(text).toContain("Can we get custom codes?")
    // each message with its sender and time
    expect(text).toContain("Cara Lind · 2026-12-01 09:30 UTC")
    expect(text).toContain("1 attached file")
    expect(text).not.toMatch(/switch off email notifications/)
    expect(await page.getAttribute("a", "href")).toBe("https://shop.test/app/messages/conv_456")
  })

  it("hourly cap digest: held messages grouped by conversation, the rest counted, a link per thread", async () => {
    const email = await renderMessageDigestEmail({
      storeName: "Demo Outfitters",
      sourceName: "pending affiliates",
      cap: 30,
      threads: [
        {
          affiliateName: "Spam <b>Co</b>",
          link: "https://shop.test/app/messages/conv_1",
          messages: [
            { sender: "Sam", sent_at: "2026-12-01T09:31:00.000Z", preview: "<script>alert(1)</script>", attachment_count: 0 },
          ],
          more: 4,
        },
        {
          affiliateName: "Other Ltd",
          link: "https://shop.test/app/messages/conv_2",
          messages: [{ sender: "Olga", sent_at: "2026-12-01T09:45:00.000Z", preview: "Hello?", attachment_count: 2 }],
          more: 0,
        },
      ],
    })
    const page = await open(email.html, "email-message-digest")
    const text = await page.innerText("body")
    // 1 + 4 more in the first conversation, 1 in the second
    expect(email.subject).toBe("Demo Outfitters: 6 more messages from pending affiliates")
    expect(text).toContain("Held back this hour: 6 messages from pending affiliates")
    expect(text).toContain("Conversation with Spam <b>Co</b>")
    expect(text).toContain("<script>alert(1)</script>")
    expect(await page.locator("script").count()).toBe(0)
    expect(text).toContain("Sam · 2026-12-01 09:31 UTC")
    expect(text).toContain("4 more messages from Spam <b>Co</b>")
    expect(text).toContain("2 attached files")
    expect(await page.locator("a").evaluateAll((links) => links.map((a) => a.getAttribute("href")))).toEqual([
      "https://shop.test/app/messages/conv_1",
      "https://shop.test/app/messages/conv_2",
    ])
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
