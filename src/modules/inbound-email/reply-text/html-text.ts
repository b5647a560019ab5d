import { compile } from "html-to-text"
import { MAX_HTML_DEPTH } from "./html-bounds"

/**
 * HTML to the plain text a message body holds: no wrapping, links as their
 * text (with the address when it differs), no images, headings as written.
 * Blockquotes keep html-to-text's `> ` prefix, so a quote no rule knew is
 * still trimmed as a quote by the text pass.
 */
export const htmlToPlainText = compile({
  wordwrap: false,
  selectors: [
    { selector: "a", options: { hideLinkHrefIfSameAsText: true, linkBrackets: ["<", ">"] } },
    { selector: "img", format: "skip" },
    // Outlook writes each line as a margin-less paragraph
    { selector: "p.MsoNormal", format: "block", options: { leadingLineBreaks: 1, trailingLineBreaks: 1 } },
    ...["h1", "h2", "h3", "h4", "h5", "h6"].map((selector) => ({ selector, options: { uppercase: false } })),
    { selector: "table", format: "block" },
    { selector: "tr", format: "block" },
    { selector: "th", format: "inline" },
    { selector: "td", format: "inline" },
  ],
  limits: { maxDepth: MAX_HTML_DEPTH + 8 },
})
