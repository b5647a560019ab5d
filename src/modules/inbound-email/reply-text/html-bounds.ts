/**
 * Bounds on the HTML part before it is parsed. htmlparser2 keeps its stack of
 * open elements with `unshift`, so parsing costs depth × size: 100,000 nested
 * divs take seconds. The HTML is therefore cut where it nests deeper than
 * MAX_HTML_DEPTH, found by one linear scan that follows what htmlparser2
 * builds (the same rules as mailparser's own nesting check). And only the
 * first MAX_HTML_LENGTH characters are read: a reply's new text comes before
 * the history it quotes, and a message holds at most 10,000 characters.
 */
export const MAX_HTML_DEPTH = 128
export const MAX_HTML_LENGTH = 256 * 1024

const VOID = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"])
// closed by the parser when a sibling opens, so an unclosed run does not nest
const IMPLIED_END = new Set(["p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot", "rt", "rp"])
// their content is text up to their end tag
const RAW_TEXT = new Set(["script", "style", "textarea", "title", "xmp"])

const isNameChar = (code: number) =>
  (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 45 || code === 58 || code === 95

/** Index of the end tag `</name` at or after `from`, any case; -1 if none. */
function endTagOf(html: string, name: string, from: number): number {
  let at = html.indexOf("</", from)
  while (at >= 0) {
    if (html.slice(at + 2, at + 2 + name.length).toLowerCase() === name) return at
    at = html.indexOf("</", at + 2)
  }
  return -1
}

export function boundHtml(input: string): string {
  let html = input
  if (html.length > MAX_HTML_LENGTH) {
    const lastTag = html.lastIndexOf("<", MAX_HTML_LENGTH)
    html = html.slice(0, lastTag > 0 ? lastTag : MAX_HTML_LENGTH)
  }
  const stack: string[] = []
  const open = new Map<string, number>()
  let i = html.indexOf("<")
  while (i >= 0) {
    let pos = i + 1
    if (html.startsWith("!--", pos)) {
      const end = html.indexOf("-->", pos + 3)
      i = end < 0 ? -1 : html.indexOf("<", end + 3)
      continue
    }
    const closing = html.charCodeAt(pos) === 47 // "/"
    if (closing) pos++
    const nameStart = pos
    while (pos < html.length && isNameChar(html.charCodeAt(pos))) pos++
    if (pos === nameStart) {
      i = html.indexOf("<", pos)
      continue
    }
    const name = html.slice(nameStart, pos).toLowerCase()
    const end = html.indexOf(">", pos)
    if (end < 0) break
    if (!closing && RAW_TEXT.has(name)) {
      const close = endTagOf(html, name, end + 1)
      i = close < 0 ? -1 : html.indexOf("<", close + 2)
      continue
    }
    if (!VOID.has(name) && !IMPLIED_END.has(name)) {
      if (!closing) {
        if (stack.length === MAX_HTML_DEPTH) return html.slice(0, i)
        stack.push(name)
        open.set(name, (open.get(name) ?? 0) + 1)
      } else if (open.get(name)) {
        let popped: string | undefined
        do {
          popped = stack.pop()!
          open.set(popped, open.get(popped)! - 1)
        } while (popped !== name)
      }
    }
    i = html.indexOf("<", end + 1)
  }
  return html
}
