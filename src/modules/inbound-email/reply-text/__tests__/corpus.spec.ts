import { readdirSync, readFileSync } from "fs"
import { simpleParser } from "mailparser"
import { join } from "path"
import { extractReply } from "../extract-reply"

/**
 * Golden corpus: replies as Gmail, Outlook (desktop, web, new, iOS), Apple
 * Mail (macOS, iPhone), Thunderbird, Proton, Yahoo, Samsung Email and mutt
 * send them, in English, German, French and Spanish (and two languages the
 * text rules do not know), top-posted and inline, text-only and HTML-only.
 * Each `<case>.eml` is parsed as ingestion parses it; `<case>.expected.txt`
 * holds the text that must be kept.
 */
const dir = join(__dirname, "corpus")
const cases = readdirSync(dir)
  .filter((file) => file.endsWith(".eml"))
  .map((file) => file.slice(0, -".eml".length))
  .sort()

const raw = (name: string) => readFileSync(join(dir, `${name}.eml`))
const expected = (name: string) => readFileSync(join(dir, `${name}.expected.txt`), "utf8").replace(/\n$/, "")

describe("reply trimming on the golden corpus", () => {
  it("holds at least 40 cases, each with its expected text", () => {
    expect(cases.length).toBeGreaterThanOrEqual(40)
    for (const name of cases) expect(typeof expected(name)).toBe("string")
  })

  it.each(cases)("%s", async (name) => {
    const parsed = await simpleParser(raw(name), { skipHtmlToText: true })
    const reply = extractReply({ text: parsed.text, html: parsed.html || undefined })
    expect(reply.text).toBe(expected(name))
    // every case but the one with nothing quoted had something taken away
    expect(reply.trimmed).toBe(name !== "plain-text-only-no-quote" && name !== "prose-that-looks-like-headers")
  })

  // Parsed without skipHtmlToText, an HTML-only email arrives with mailparser's
  // own conversion as its text: the history still goes, a signature block
  // that only the HTML marks (Outlook's, Proton's, Yahoo's) may stay, and
  // paragraphs may be spaced differently.
  it.each(cases)("%s, parsed without skipHtmlToText: no history kept", async (name) => {
    const parsed = await simpleParser(raw(name))
    const reply = extractReply({ text: parsed.text, html: parsed.html || undefined }).text
    const lines = (text: string) => text.replace(/\n+/g, "\n")
    expect(lines(reply).startsWith(lines(expected(name)))).toBe(true)
    expect(reply).not.toContain("Reply above this line")
    expect(reply).not.toContain("Can you send me the Q3 numbers")
  })
})
