import type { ReplyParts } from "../extract-reply"

/** Hostile inputs of about 1 MB for the linear-time test (measured in a process of their own: measure-hostile-shapes.ts). */
const MB = 1024 * 1024
const lines = (count: number, line: (i: number) => string) => Array.from({ length: count }, (_, i) => line(i)).join("\n")

export const NAMED_BY_THE_ISSUE = new Set(["a 1 MB single-line text body", "10,000 nested > lines (depth 1 to 10,000, 50 MB)"])

export const shapes: Array<[string, () => ReplyParts]> = [
  ["a 1 MB single-line text body", () => ({ text: "x".repeat(MB) })],
  ["a 1 MB single line of words starting with 'On '", () => ({ text: `On ${"Monday at 10:00 Jane ".repeat(MB / 22)}` })],
  ["a 1 MB line of spaces ending in 'wrote:'", () => ({ text: `On ${" ".repeat(MB)}wrote:` })],
  ["10,000 nested > lines (depth 1 to 10,000, 50 MB)", () => ({ text: `Hi\n${lines(10_000, (i) => `${">".repeat(i + 1)} quoted`)}` })],
  ["10,000 lines nested 50 deep", () => ({ text: lines(10_000, () => `${"> ".repeat(50)}x`) })],
  ["17,000 'On …' lines that never say 'wrote:'", () => ({ text: lines(17_000, (i) => `On Mon, Jan ${i}, 2026 at 10:00 Jane Doe <jane@example.com>`) })],
  ["30,000 'From:' lines with no 'Sent:'", () => ({ text: lines(30_000, (i) => `From: Jane ${i} <jane@example.com>`) })],
  ["attributions each followed by 1,000 blank lines", () => ({ text: lines(1_000, () => `On Mon wrote:${"\n".repeat(1000)}`) })],
  ["250,000 '-- ' and separator lines", () => ({ text: lines(250_000, (i) => (i % 2 ? "-- " : "____")) })],
  ["350,000 CRLF lines", () => ({ text: "a\r\n".repeat(350_000) })],
  ["HTML nested 100,000 divs deep", () => ({ html: `${"<div>".repeat(100_000)}deep${"</div>".repeat(100_000)}` })],
  ["HTML nested 100,000 unclosed blockquotes", () => ({ html: `<p>hi</p>${"<blockquote>".repeat(100_000)}x` })],
  ["HTML with 15,000 sibling quote containers", () => ({ html: `<p>hi</p>${'<div class="gmail_quote">q</div><blockquote type="cite">c</blockquote>'.repeat(15_000)}` })],
  ["HTML with a 1 MB text node", () => ({ html: `<div>${"word ".repeat(MB / 5)}</div>` })],
  ["HTML with a 1 MB style attribute on an Outlook-like div", () => ({ html: `<div style="border:none;${"border-top:solid ".repeat(MB / 17)}">From: x</div>` })],
  ["HTML with 20,000 Outlook-like bordered divs nested", () => ({ html: `${'<div style="border:none;border-top:solid #E1E1E1 1.0pt">'.repeat(20_000)}x` })],
  ["HTML of 1 MB of '<' characters", () => ({ html: "<".repeat(MB) })],
]
