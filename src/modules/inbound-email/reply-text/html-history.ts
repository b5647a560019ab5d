import type { ChildNode, Document, Element, ParentNode } from "domhandler"
import { DomUtils, parseDocument } from "htmlparser2"
import { MAX_HTML_DEPTH, boundHtml } from "./html-bounds"
import { headerKeyOf } from "./quote-headers"
import { headerText } from "./line-shapes"

/**
 * Elements that mail clients wrap quoted history (and their own signature
 * block) in: removed whole, whatever language the attribution is in.
 */
const QUOTE_CLASSES = new Set([
  "gmail_quote", // Gmail: the attribution and the quote
  "gmail_quote_container",
  "gmail_attr",
  "gmail_signature",
  "moz-cite-prefix", // Thunderbird's attribution
  "moz-signature",
  "protonmail_quote", // Proton: attribution and quote
  "protonmail_signature_block",
  "yahoo_quoted", // Yahoo: attribution and quote
])
const QUOTE_IDS = new Set([
  "mail-editor-reference-message-container", // new Outlook and Outlook for Mac
  "Signature", // Outlook on the web's signature block
])
/** Never text of the reply. */
const INVISIBLE_TAGS = new Set(["head", "style", "script", "title", "template"])

/**
 * Elements where history starts with no container around it: Outlook puts
 * the quoted email after its headers, as siblings. This element and all that
 * follows it in the document go.
 */
const CUT_IDS = new Set(["appendonsend", "divRplyFwdMsg", "stopSpelling", "x_divRplyFwdMsg"])

/**
 * What is kept is converted to text: past these it is cut, bounding the
 * serializer's and converter's work (a message holds 10,000 characters).
 */
const MAX_KEPT_TEXT = 64 * 1024
const MAX_KEPT_ELEMENTS = 20_000

const classesOf = (element: Element) => (element.attribs.class ?? "").split(/\s+/)

function isQuoteContainer(element: Element): boolean {
  if (INVISIBLE_TAGS.has(element.name)) return true
  if (element.name === "blockquote" && element.attribs.type?.toLowerCase() === "cite") return true // Apple Mail, Thunderbird
  if (element.attribs.id !== undefined && QUOTE_IDS.has(element.attribs.id)) return true
  return element.attribs.class !== undefined && classesOf(element).some((name) => QUOTE_CLASSES.has(name))
}

/** The first few non-blank texts under an element, in order: bounded, whatever its size. */
function leadingText(element: Element, maxNodes = 24): string {
  const stack: ChildNode[] = [...element.children].reverse()
  let text = ""
  for (let seen = 0; stack.length && seen < maxNodes && text.length < 40; seen++) {
    const node = stack.pop()!
    if (DomUtils.isText(node)) text += node.data.slice(0, 40)
    else if (DomUtils.isTag(node)) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i])
  }
  return text.trimStart()
}

/**
 * Outlook desktop draws a rule above the quoted email's headers: a div with
 * `border:none; border-top:solid …` whose text starts with `From:` (or its
 * translation).
 */
function isOutlookHeaderRule(element: Element): boolean {
  const style = element.attribs.style
  if (element.name !== "div" || style === undefined || style.length > 1000) return false
  const compact = style.replace(/\s+/g, "").toLowerCase()
  if (!compact.includes("border-top:solid") || !compact.includes("border:none")) return false
  const key = headerKeyOf(headerText(leadingText(element)))
  return key !== null && ["from", "von", "de", "van", "da"].includes(key)
}

const isCutPoint = (element: Element) =>
  (element.attribs.id !== undefined && CUT_IDS.has(element.attribs.id)) || isOutlookHeaderRule(element)

/** Removes everything after `node` in document order, and `node` itself unless `keep`. */
function cutFrom(node: ChildNode, keep = false) {
  let current: ChildNode | ParentNode = node
  let removeSelf = !keep
  while (current.parent) {
    const siblings: ChildNode[] = current.parent.children
    siblings.length = siblings.indexOf(current as ChildNode) + (removeSelf ? 0 : 1)
    removeSelf = false
    current = current.parent
  }
}

export type HtmlWithoutHistory = {
  html: string
  /** A quote container or a cut point was found. */
  history: boolean
}

/**
 * Removes quoted history from an HTML reply by structure (the containers and
 * rules clients mark it with), one iterative walk over the parsed document.
 */
export function removeHtmlHistory(html: string): HtmlWithoutHistory {
  const document: Document = parseDocument(boundHtml(html))
  const removed = new Set<ChildNode>()
  const stack: Array<[ChildNode, number]> = document.children.map((node): [ChildNode, number] => [node, 1]).reverse()
  let history = false
  let text = MAX_KEPT_TEXT
  let elements = MAX_KEPT_ELEMENTS
  while (stack.length) {
    const [node, depth] = stack.pop()!
    if (DomUtils.isText(node)) {
      text -= node.data.length
      if (text >= 0) continue
      node.data = node.data.slice(0, node.data.length + text)
      cutFrom(node, true)
      break
    }
    if (!DomUtils.isTag(node)) continue
    if (--elements < 0) {
      cutFrom(node)
      break
    }
    if (isCutPoint(node)) {
      cutFrom(node)
      history = true
      break
    }
    if (isQuoteContainer(node)) {
      removed.add(node)
      if (!INVISIBLE_TAGS.has(node.name)) history = true
      continue
    }
    if (depth >= MAX_HTML_DEPTH) {
      node.children = []
      continue
    }
    for (let i = node.children.length - 1; i >= 0; i--) stack.push([node.children[i], depth + 1])
  }
  // once per parent: splicing each removed child out would be quadratic in a long sibling list
  const parents = new Set<ParentNode>()
  for (const node of removed) if (node.parent) parents.add(node.parent)
  for (const parent of parents) parent.children = parent.children.filter((child) => !removed.has(child))
  return { html: DomUtils.getOuterHTML(document.children), history }
}
