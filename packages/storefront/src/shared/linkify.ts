import LinkifyIt from "linkify-it"

const linkify = new LinkifyIt()
const SAFE_SCHEMES = /^(https?:|mailto:)/i

/** A piece of a message body: plain text, or a link found in it. */
export type TextPart = string | { href: string; label: string }

/**
 * Splits a message body into plain text and the web and mail links found in
 * it (http, https, mailto; any other scheme stays text). Renderers output the
 * strings as text nodes, so markup in a body shows as typed.
 */
export function splitLinks(text: string): TextPart[] {
  const matches = (linkify.match(text) ?? []).filter((match) => SAFE_SCHEMES.test(match.url))
  const parts: TextPart[] = []
  let cursor = 0
  for (const match of matches) {
    parts.push(text.slice(cursor, match.index))
    parts.push({ href: match.url, label: match.text })
    cursor = match.lastIndex
  }
  parts.push(text.slice(cursor))
  return parts
}
