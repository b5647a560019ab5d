import { REPLY_MARKER } from "../../../utils/reply-marker"
import { removeHtmlHistory } from "./html-history"
import { htmlToPlainText } from "./html-text"
import { trimReplyText, type TrimmedText } from "./trim-text"

export type ReplyParts = {
  /** The text/plain part. */
  text?: string | null
  /** The text/html part. */
  html?: string | null
  /** The line under which a notification email holds its content. */
  marker?: string
}

export type ExtractedReply = {
  /** The new text of the reply, blank lines collapsed, no trailing spaces. */
  text: string
  /** Quoted history, a signature or the marker was taken away. */
  trimmed: boolean
}

function fromHtml(html: string, marker: string): TrimmedText {
  const structural = removeHtmlHistory(html)
  const text = trimReplyText(htmlToPlainText(structural.html), marker)
  return {
    text: text.text,
    trimmed: structural.history || text.trimmed,
    history: structural.history || text.history,
  }
}

/**
 * Keeps only what the sender wrote in a reply: the text part, trimmed line
 * by line; when there is no text part, the HTML part with quote containers
 * removed from its document, converted to text, then trimmed the same way.
 * When the text part shows no history but the HTML part has a quote
 * container (an attribution in a language the text rules do not know), the
 * HTML part's result is taken.
 *
 * Linear in the size of the email: parse with mailparser's `skipHtmlToText`
 * so an HTML-only email arrives here with its HTML, not a converted text.
 */
export function extractReply({ text, html, marker }: ReplyParts): ExtractedReply {
  const line = marker || REPLY_MARKER
  const hasText = typeof text === "string" && text.trim() !== ""
  const hasHtml = typeof html === "string" && html.trim() !== ""
  let result: TrimmedText | null = hasText ? trimReplyText(text, line) : null
  if (hasHtml && (result === null || !result.history)) {
    const htmlResult = fromHtml(html, line)
    if (result === null || htmlResult.history) result = htmlResult
  }
  return result ? { text: result.text, trimmed: result.trimmed } : { text: "", trimmed: false }
}
