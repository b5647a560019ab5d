/**
 * What may be attached, decided from the content's first bytes (magic
 * numbers), never from the client's header or the extension: images up to
 * 30 MB; PDF, office documents, plain text and CSV up to 250 MB.
 */
import { DOCUMENT_LIMIT, IMAGE_LIMIT } from "medusa-plugin-affiliate-messaging-storefront"

export { MAX_ATTACHMENT_SIZE, MB } from "medusa-plugin-affiliate-messaging-storefront"
/** Bytes read before deciding the type: enough for file-type's ZIP probing of office files. */
export const SNIFF_BYTES = 64 * 1024

export type AllowedType = { mime: string; limit: number }

const IMAGES = new Set(["image/jpeg", "image/png", "image/gif"])
const DOCUMENTS = new Set([
  "application/pdf",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  "application/vnd.oasis.opendocument.text",
  "application/vnd.oasis.opendocument.spreadsheet",
  "application/vnd.oasis.opendocument.presentation",
])
/** doc, xls and ppt share one container (OLE/CFB); its signature is sniffed, the extension names which. */
const LEGACY_OFFICE: Record<string, string> = {
  doc: "application/msword",
  xls: "application/vnd.ms-excel",
  ppt: "application/vnd.ms-powerpoint",
}

const extensionOf = (filename: string) => filename.toLowerCase().split(".").pop() ?? ""

/** Text: valid UTF-8 without control characters other than tab, line breaks and form feed. */
function looksLikeText(sample: Buffer): boolean {
  // streaming decode: a multi-byte character cut at the end of the sample is not an error
  const text = new TextDecoder("utf-8").decode(sample, { stream: true })
  return !text.includes("\uFFFD") && !/[\u0000-\u0008\u000e-\u001f\u007f]/.test(text)
}

/** Markup passes as text but is not plain text: a browser would run it as a page. */
function looksLikeMarkup(sample: Buffer): boolean {
  const start = sample.subarray(0, 1024).toString("utf8").trimStart().toLowerCase()
  return /^<(!doctype|html|head|body|script|svg|\?xml|iframe|div|p|a|img|style|meta|title)[\s>\/]/.test(start)
}

export async function detectAttachmentType(
  sample: Buffer,
  filename: string
): Promise<AllowedType | null> {
  const { fileTypeFromBuffer } = await import("file-type")
  const detected = await fileTypeFromBuffer(sample)
  if (detected) {
    if (IMAGES.has(detected.mime)) {
      return { mime: detected.mime, limit: IMAGE_LIMIT }
    }
    if (DOCUMENTS.has(detected.mime)) {
      return { mime: detected.mime, limit: DOCUMENT_LIMIT }
    }
    const legacy = LEGACY_OFFICE[extensionOf(filename)]
    if (detected.ext === "cfb" && legacy) {
      return { mime: legacy, limit: DOCUMENT_LIMIT }
    }
    return null
  }
  if (sample.length && looksLikeText(sample) && !looksLikeMarkup(sample)) {
    return { mime: extensionOf(filename) === "csv" ? "text/csv" : "text/plain", limit: DOCUMENT_LIMIT }
  }
  return null
}

/**
 * A filename safe to store and show: no path, no control characters, at
 * most 200 characters; the original is what the download offers.
 */
export function cleanFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? ""
  const cleaned = Array.from(base.replace(/[\u0000-\u001f\u007f]/g, "").trim()).slice(0, 200).join("")
  return cleaned && cleaned !== "." && cleaned !== ".." ? cleaned : "attachment"
}
