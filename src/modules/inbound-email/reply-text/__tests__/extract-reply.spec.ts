import { REPLY_MARKER } from "../../../../utils/reply-marker"
import { extractReply } from "../extract-reply"
import { boundHtml } from "../html-bounds"

describe("extractReply", () => {
  it("cuts at the notification's marker, or at a marker it is given", () => {
    expect(extractReply({ text: `Fine by me.\n${REPLY_MARKER}\nJane wrote a message` })).toEqual({ text: "Fine by me.", trimmed: true })
    expect(extractReply({ text: "Fine.\n=== cut ===\nold", marker: "=== cut ===" })).toEqual({ text: "Fine.", trimmed: true })
  })

  it("keeps text that only mentions history: nothing trimmed", () => {
    expect(extractReply({ text: "We spoke on Monday.\nFrom: now on, use the new code." })).toEqual({
      text: "We spoke on Monday.\nFrom: now on, use the new code.",
      trimmed: false,
    })
  })

  it("takes a signature from its '-- ' line on, and a device line only at the end", () => {
    expect(extractReply({ text: "See you.\n-- \nBob\nbob.example" }).text).toBe("See you.")
    expect(extractReply({ text: "Sent from my iPhone, so short answer: yes.\nMore later." }).text).toBe(
      "Sent from my iPhone, so short answer: yes.\nMore later.",
    )
    expect(extractReply({ text: "Yes.\n\nSent from my iPhone\n" })).toEqual({ text: "Yes.", trimmed: true })
  })

  it("prefers the text part, and takes the HTML part when only it shows the history", () => {
    const html = '<div>From HTML</div><div class="gmail_quote">q</div>'
    expect(extractReply({ text: "From text\n\nOn Mon, Jan 5, 2026, Jane <j@x.example> wrote:\n> q", html }).text).toBe("From text")
    expect(extractReply({ text: "From text\n\nq", html }).text).toBe("From HTML")
    expect(extractReply({ text: "From text", html: "<div>From HTML</div>" }).text).toBe("From text")
    expect(extractReply({ text: "  \n", html: "<div>From HTML</div>" }).text).toBe("From HTML")
  })

  it("reads no style, script or head text from HTML, and collapses blank lines", () => {
    const html = "<html><head><title>t</title><style>p { color: red }</style></head><body><p>One</p><p><br></p><p><br></p><p>Two</p><script>x()</script></body></html>"
    expect(extractReply({ html })).toEqual({ text: "One\n\nTwo", trimmed: false })
  })

  it("handles CRLF and lone CR line ends", () => {
    expect(extractReply({ text: "Yes.\r\n\r\nOn Mon, Jan 5, 2026 Jane wrote:\r\n> q\r\n" }).text).toBe("Yes.")
    expect(extractReply({ text: "Yes.\r\rOn Mon, Jan 5, 2026 Jane wrote:\r> q\r" }).text).toBe("Yes.")
  })

  it("returns nothing for nothing", () => {
    expect(extractReply({})).toEqual({ text: "", trimmed: false })
    expect(extractReply({ text: null, html: null })).toEqual({ text: "", trimmed: false })
  })
})

describe("boundHtml", () => {
  it("cuts where nesting passes 128 levels, counting as the parser nests", () => {
    const deep = `<p>top</p>${"<div>".repeat(200)}deep`
    expect(boundHtml(deep)).toBe(`<p>top</p>${"<div>".repeat(128)}`)
    // void, implied-end and closed elements do not nest; comments and raw text are skipped
    const flat = `${"<br><p>x<li>y<img src=a>".repeat(500)}${"<div></div>".repeat(500)}<!-- <div><div> --><style><div></style>end`
    expect(boundHtml(flat)).toBe(flat)
  })

  it("reads the first 256 KB, ending before a tag", () => {
    const html = `<p>${"a".repeat(300 * 1024)}</p>`
    expect(boundHtml(html).length).toBeLessThanOrEqual(256 * 1024)
    expect(boundHtml(`<p>x</p>${"<b>y</b>".repeat(40_000)}`).endsWith("</b>")).toBe(true)
  })
})
