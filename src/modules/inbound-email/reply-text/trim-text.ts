import { isBlank, isDeviceLine, isQuoted, isSeparator, isSignatureDelimiter } from "./line-shapes"
import { ReplyLines, attributionAt, isOriginalMessageSeparator, startsHeaderBlock } from "./quote-headers"

export type TrimmedText = {
  text: string
  /** Something other than blank lines was taken away. */
  trimmed: boolean
  /** Quoted history was found (not only a signature). */
  history: boolean
}

/** Lines split at LF, CRLF or a lone CR. */
function toLines(text: string): string[] {
  if (!text.includes("\r")) return text.split("\n")
  const lines: string[] = []
  let start = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c !== 10 && c !== 13) continue
    lines.push(text.slice(start, i))
    if (c === 13 && text.charCodeAt(i + 1) === 10) i++
    start = i + 1
  }
  lines.push(text.slice(start))
  return lines
}

/**
 * Keeps the new text of a plain-text reply, in one pass over its lines:
 *
 * 1. History starts at the first unquoted line that is the notification's
 *    marker, a quoted email's headers (`From:` / `Sent:` / `To:` and
 *    translations), an "Original Message" rule, or a dated attribution
 *    ("On … wrote:") that no `>` line follows (Yahoo and Outlook do not
 *    prefix what they quote). Everything from there on is dropped, with the
 *    rules and blank lines just above it.
 * 2. Above that, `>` lines are quotes and the attribution lines that
 *    introduce them go too; the unquoted text between them (an inline
 *    answer) is kept, its pieces separated by one blank line.
 * 3. From a `-- ` line on is a signature; a trailing "Sent from my iPhone"
 *    and its translations go too.
 */
export function trimReplyText(input: string, marker: string): TrimmedText {
  const lines = toLines(input)
  const reply = new ReplyLines(lines)
  const count = lines.length
  const drop = new Uint8Array(count)
  let cut = count
  let history = false

  for (let i = 0; i < count; i++) {
    const line = lines[i]
    if (isQuoted(line)) {
      drop[i] = 1
      history = true
      continue
    }
    if (isBlank(line)) continue
    if (line.includes(marker) || isOriginalMessageSeparator(reply, i) || startsHeaderBlock(reply, i)) {
      cut = i
      break
    }
    const attribution = attributionAt(reply, i)
    if (attribution === null) continue
    let next = attribution.end + 1
    while (next < count && isBlank(lines[next])) next++
    if (next < count && isQuoted(lines[next])) {
      drop.fill(1, i, attribution.end + 1)
      i = attribution.end
    } else if (attribution.dated) {
      cut = i
      break
    }
  }
  if (cut < count) history = true

  let end = cut
  for (let i = 0; i < end; i++) {
    if (!drop[i] && isSignatureDelimiter(lines[i])) end = i
  }
  // what closes the kept text without saying anything: rules, blank lines, "Sent from my iPhone"
  while (end > 0 && (drop[end - 1] || isBlank(lines[end - 1]) || isSeparator(lines[end - 1]) || isDeviceLine(lines[end - 1]))) {
    end--
  }

  const kept: string[] = []
  let gap = false
  let trimmed = false
  for (let i = 0; i < count; i++) {
    const line = lines[i]
    if (i >= end || drop[i]) {
      if (!trimmed && !isBlank(line)) trimmed = true
      gap = kept.length > 0
      continue
    }
    if (isBlank(line)) {
      gap = kept.length > 0
      continue
    }
    if (gap) kept.push("")
    gap = false
    kept.push(line.trimEnd())
  }
  return { text: kept.join("\n"), trimmed, history }
}
