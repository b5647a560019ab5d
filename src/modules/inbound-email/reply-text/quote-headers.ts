import { firstMark, headerText, isBlank, isQuoted } from "./line-shapes"

/**
 * The lines of a reply with their header form (lowercased, trimmed; null
 * for a line too long to be a header) computed once each, however many
 * tests look at a line.
 */
export class ReplyLines {
  private readonly texts: Array<string | null | undefined>
  private readonly keys: Array<string | null | undefined>
  constructor(readonly lines: string[]) {
    this.texts = new Array(lines.length)
    this.keys = new Array(lines.length)
  }
  get count() {
    return this.lines.length
  }
  text(index: number): string | null {
    let text = this.texts[index]
    if (text === undefined) text = this.texts[index] = headerText(this.lines[index])
    return text
  }
  /** The header name the line starts with ("from", "de", "betreff"), or null. */
  key(index: number): string | null {
    let key = this.keys[index]
    if (key === undefined) key = this.keys[index] = hasEarlyColon(this.lines[index]) ? headerKeyOf(this.text(index)) : null
    return key
  }
}

/**
 * The line a client writes above the quoted email ("On … wrote:"), per
 * language, tested on the lowercased line with plain string comparisons.
 * Clients wrap long ones (Gmail's text part breaks inside the address), so
 * a header may span up to three lines, joined with a space before testing.
 */
const ATTRIBUTIONS: Array<(text: string) => boolean> = [
  // On Mon, Jan 5, 2026 at 10:00 AM Jane Doe <jane@example.com> wrote:
  (t) => t.startsWith("on ") && t.endsWith("wrote:"),
  // Am Mo., 5. Jan. 2026 um 10:00 Uhr schrieb Jane Doe <jane@example.com>:
  (t) => t.startsWith("am ") && t.includes(" schrieb ") && t.endsWith(":"),
  // Jane Doe <jane@example.com> schrieb am 05.01.2026 um 10:00:
  (t) => t.includes(" schrieb am ") && t.endsWith(":"),
  // Le lun. 5 janv. 2026 à 10:00, Jane Doe <jane@example.com> a écrit :
  (t) => t.startsWith("le ") && (t.endsWith("a écrit :") || t.endsWith("a écrit:")),
  // El lun, 5 ene 2026 a las 10:00, Jane Doe (<jane@example.com>) escribió:
  (t) => t.startsWith("el ") && t.endsWith("escribió:"),
  // Il giorno lun 5 gen 2026 alle ore 10:00 Jane Doe <jane@example.com> ha scritto:
  (t) => t.startsWith("il ") && t.endsWith("ha scritto:"),
  // Em seg., 5 de jan. de 2026 às 10:00, Jane Doe <jane@example.com> escreveu:
  (t) => t.startsWith("em ") && t.endsWith("escreveu:"),
  // Op ma 5 jan 2026 om 10:00 schreef Jane Doe <jane@example.com>:
  (t) => t.startsWith("op ") && t.includes(" schreef ") && t.endsWith(":"),
  // Yahoo: Am Montag, 5. Januar 2026 um 10:00:00 MEZ hat Jane Doe <jane@example.com> Folgendes geschrieben:
  (t) => t.startsWith("am ") && t.endsWith(" geschrieben:"),
]
const FIRST_WORDS = new Set(["on", "am", "le", "el", "il", "em", "op"])

/**
 * "Jane Doe wrote:" with no date, or any line that ends with a colon and
 * names an address in angle brackets (an attribution in a language not
 * listed above): only taken when quoted lines follow it.
 */
const BARE_ATTRIBUTION_ENDS = ["wrote:", "a écrit :", "a écrit:", "escribió:", "schrieb:", "ha scritto:", "escreveu:"]
const isUnlistedAttribution = (text: string) => text.endsWith(":") && text.includes("@") && text.includes("<")

const MAX_ATTRIBUTION_LINES = 3

export type Attribution = {
  /** Index of its last line. */
  end: number
  /** Says a date or an address, as a client's header does: enough to cut at even without `>` lines after it. */
  dated: boolean
}

const hasDigitOrAt = (text: string) => {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if ((c >= 48 && c <= 57) || c === 64) return true
  }
  return false
}

/**
 * Could the line start an attribution: a listed first word, an address, a
 * final colon. Tested on the raw line without copying it, as most lines fail.
 */
function mayStartAttribution(line: string): boolean {
  let i = 0
  while (i < line.length && (line[i] === " " || line[i] === "\t")) i++
  if (line.charCodeAt(i + 2) === 32 && FIRST_WORDS.has(line.slice(i, i + 2).toLowerCase())) return true
  if (line.length > MAX_LINE_SCAN) return false
  let last = line.length - 1
  while (last >= 0 && (line[last] === " " || line[last] === "\t")) last--
  return line[last] === ":" || line.includes("@")
}
const MAX_LINE_SCAN = 600

/** The attribution line(s) starting at `start`, if there is one. */
export function attributionAt(lines: ReplyLines, start: number): Attribution | null {
  if (!mayStartAttribution(lines.lines[start])) return null
  const parts: string[] = []
  for (let end = start; end < lines.count && end < start + MAX_ATTRIBUTION_LINES; end++) {
    const line = lines.lines[end]
    if (isQuoted(line)) {
      // Gmail wraps before the address's closing bracket: "<jane@example.com" then ">:"
      if (end === start || line.length > 8 || line.trim() !== ">:") return null
    } else if (isBlank(line)) return null
    const text = lines.text(end)
    if (text === null) return null
    parts.push(text)
    // every form ends with a colon: no joining and testing before one
    if (!text.endsWith(":")) continue
    const joined = parts.join(" ")
    if (ATTRIBUTIONS.some((test) => test(joined))) return { end, dated: hasDigitOrAt(joined) }
    if (end === start && BARE_ATTRIBUTION_ENDS.some((ending) => joined.endsWith(ending))) {
      return { end, dated: false }
    }
    if (isUnlistedAttribution(joined)) return { end, dated: false }
  }
  return null
}

/**
 * Outlook (desktop, web, mobile) and many others put the quoted email's
 * headers above it instead of an attribution line, in the reader's language.
 */
const FROM_KEYS = new Set(["from", "von", "de", "van", "da", "od", "från", "fra"])
const DATE_KEYS = new Set(["sent", "date", "gesendet", "datum", "envoyé", "enviado", "enviado el", "enviada em", "fecha", "verzonden", "inviato", "data", "skickat", "sendt"])
const OTHER_KEYS = new Set(["to", "cc", "subject", "an", "betreff", "à", "a", "objet", "para", "asunto", "aan", "onderwerp", "oggetto", "till", "ämne", "til", "emne"])
const MAX_KEY = 24

/** The header name in a header form ("from:", "**from:**", "de :"), or null. */
export function headerKeyOf(text: string | null): string | null {
  if (text === null) return null
  const colon = text.indexOf(":")
  if (colon < 1 || colon > MAX_KEY) return null
  let key = text.slice(0, colon)
  while (key.startsWith("*")) key = key.slice(1)
  return key.trim()
}

/** A colon near the start of the line, found without scanning a long line to its end. */
function hasEarlyColon(line: string): boolean {
  const end = Math.min(line.length, MAX_KEY + 8)
  for (let i = 1; i < end; i++) if (line.charCodeAt(i) === 58) return true
  return false
}

const HEADER_BLOCK_LINES = 6

/** `From:` followed closely by a date header and a `To:`/`Subject:` one: a quoted email's headers. */
export function startsHeaderBlock(lines: ReplyLines, start: number): boolean {
  if (!hasEarlyColon(lines.lines[start])) return false
  const first = lines.key(start)
  if (first === null || !FROM_KEYS.has(first)) return false
  let dated = false
  let addressed = false
  for (let i = start + 1; i < lines.count && i <= start + HEADER_BLOCK_LINES; i++) {
    const key = lines.key(i)
    if (key === null) continue
    if (DATE_KEYS.has(key)) dated = true
    else if (OTHER_KEYS.has(key)) addressed = true
    if (dated && addressed) return true
  }
  return false
}

/** "-----Original Message-----" and its translations, and forwarded-message rules. */
const SEPARATOR_WORDS = new Set([
  "original message",
  "ursprüngliche nachricht",
  "original-nachricht",
  "message d'origine",
  "message d’origine",
  "mensaje original",
  "messaggio originale",
  "oorspronkelijk bericht",
  "forwarded message",
  "weitergeleitete nachricht",
  "message transféré",
  "mensaje reenviado",
])

const SHORTEST_SEPARATOR = "--original message--".length

export function isOriginalMessageSeparator(lines: ReplyLines, index: number): boolean {
  const line = lines.lines[index]
  const mark = firstMark(line)
  if ((mark !== "-" && mark !== "_") || line.length < SHORTEST_SEPARATOR || !/[a-z]/i.test(line)) return false
  const text = lines.text(index)
  if (text === null) return false
  let from = 0
  let to = text.length
  while (from < to && "-_ ".includes(text[from])) from++
  while (to > from && "-_ ".includes(text[to - 1])) to--
  return SEPARATOR_WORDS.has(text.slice(from, to))
}
