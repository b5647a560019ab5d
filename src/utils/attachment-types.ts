/**
 * What may be attached, decided from the content's first bytes (magic
 * numbers), never from the client's header or the extension: images up to
 * 30 MB; PDF, office documents, plain text and CSV up to 250 MB.
 */
import {
  DOCUMENT_LIMIT,
  DOCUMENT_TYPE_EXTENSIONS,
  IMAGE_LIMIT,
  IMAGE_TYPE_EXTENSIONS,
} from "medusa-plugin-affiliate-messaging-storefront"

export { MAX_ATTACHMENT_SIZE, MB } from "medusa-plugin-affiliate-messaging-storefront"
/** Bytes read before deciding the type: enough for file-type's ZIP probing of office files. */
export const SNIFF_BYTES = 64 * 1024

export type AllowedType = { mime: string; limit: number }

/** The extensions a file of each sniffed type may carry, the first one canonical (the storefront package's list). */
const EXTENSIONS: Readonly<Record<string, readonly string[]>> = { ...IMAGE_TYPE_EXTENSIONS, ...DOCUMENT_TYPE_EXTENSIONS }

const IMAGES = new Set(Object.keys(IMAGE_TYPE_EXTENSIONS))
/** What file-type recognises by its own signature (legacy office and text are decided below). */
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

/** The extension after the last dot, lower case; "" for none (`notes`, `.profile`, `notes.`). */
const extensionOf = (filename: string) => /[^.]\.([^.]+)$/.exec(filename)?.[1].toLowerCase() ?? ""

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
 * Control (Cc) and format (Cf) characters: bidi overrides and isolates
 * (U+202A–202E, U+2066–2069) that make `payout_\u202Efdp.hta` read as a
 * PDF, zero-width characters, the BOM, soft hyphens. One exception: a
 * zero-width joiner between two emoji, which makes 👩🏽‍💻 one emoji and
 * hides nothing.
 */
const INVISIBLE = /[\p{Cc}\p{Cf}]/gu
const AFTER_EMOJI = /\p{Extended_Pictographic}[\p{Emoji_Modifier}\uFE0F]?$/u
const BEFORE_EMOJI = /^\p{Extended_Pictographic}/u
const removeInvisible = (text: string) =>
  text.replace(INVISIBLE, (character, offset: number) =>
    character === "\u200D" &&
    AFTER_EMOJI.test(text.slice(Math.max(0, offset - 4), offset)) &&
    BEFORE_EMOJI.test(text.slice(offset + 1, offset + 3))
      ? character
      : ""
  )
const MAX_NAME_LENGTH = 200

/**
 * A filename safe to store and show: no path, no control or format
 * characters, at most 200 characters (its extension kept); otherwise
 * exactly the name the client sent, in UTF-8.
 */
export function cleanFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? ""
  const visible = removeInvisible(base).trim()
  const characters = Array.from(visible)
  const extension = extensionOf(visible) ? Array.from(visible.slice(visible.lastIndexOf("."))) : []
  const cleaned =
    characters.length > MAX_NAME_LENGTH && extension.length < MAX_NAME_LENGTH / 2
      ? [...characters.slice(0, MAX_NAME_LENGTH - extension.length), ...extension].join("")
      : characters.slice(0, MAX_NAME_LENGTH).join("")
  return cleaned && cleaned !== "." && cleaned !== ".." ? cleaned : "attachment"
}

/**
 * The name to store for a file of `type`: a name without extension gets
 * the type's canonical one (`scan` → `scan.png`), as a download must open
 * in the right application; a name whose extension is not one of the
 * type's is refused with the message naming the allowed ones.
 */
export function filenameForType(filename: string, type: AllowedType): { filename: string } | { refusal: string } {
  const allowed = EXTENSIONS[type.mime]
  const extension = extensionOf(filename)
  if (!extension) {
    return { filename: `${filename.replace(/\.+$/, "")}.${allowed[0]}` }
  }
  if (allowed.includes(extension)) {
    return { filename }
  }
  const names = allowed.map((e) => `.${e}`).join(" or ")
  return {
    refusal: `${filename}: the extension .${extension} does not match the file's content (${type.mime}); name it ${names}`,
  }
}
