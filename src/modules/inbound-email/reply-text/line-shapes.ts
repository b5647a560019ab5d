/**
 * Tests on one line of a reply's text. Each is a bounded scan of one line
 * (no regular expression that can backtrack), so classifying every line of
 * an email is linear in its size whatever it holds.
 */

/**
 * Longer lines are never taken for a header: a real attribution or header
 * line is a name, an address and a date. The bound keeps a 1 MB line from
 * being copied, lowercased and compared.
 */
const MAX_HEADER_LINE = 300

/** Lowercase, non-breaking spaces as spaces, trimmed; null when too long to be a header. */
export function headerText(line: string): string | null {
  if (line.length > MAX_HEADER_LINE * 2) return null
  const text = line.replace(/[\u00a0\u202f\u2007]/g, " ").trim().toLowerCase()
  return text.length > MAX_HEADER_LINE ? null : text
}

/** A line that a mail client quoted: `>` after optional indentation. */
export function isQuoted(line: string): boolean {
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i)
    if (c === 62) return true // >
    if (c !== 32 && c !== 9) return false
  }
  return false
}

export function isBlank(line: string): boolean {
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i)
    if (c !== 32 && c !== 9 && c !== 0xa0 && c !== 0x202f) return false
  }
  return true
}

/**
 * The signature delimiter of RFC 3676 (`-- `); clients and HTML converters
 * often drop its trailing space, so `--` alone counts too.
 */
export function isSignatureDelimiter(line: string): boolean {
  return line.length <= 6 && line.startsWith("--") && line.trimEnd() === "--"
}

/** A rule made of dashes, underscores, equal signs or stars: nothing said. */
export function isSeparator(line: string): boolean {
  let marks = 0
  for (let i = 0; i < line.length; i++) {
    const char = line[i]
    if ("-_=*~–—".includes(char)) marks++
    else if (char !== " " && char !== "\t") return false
  }
  return marks >= 2
}

/** The first character that is not a space or tab, "" for none: a cheap test before any copy of the line. */
export function firstMark(line: string): string {
  for (let i = 0; i < line.length; i++) {
    const char = line[i]
    if (char !== " " && char !== "\t") return char
  }
  return ""
}

/**
 * The line a phone or webmail adds under a reply. Only taken away at the
 * end of the kept text, never from the middle of what someone wrote.
 */
const DEVICE_LINES: Array<(text: string) => boolean> = [
  (t) => t.startsWith("sent from my ") || t.startsWith("sent from yahoo mail") || t.startsWith("sent from outlook"),
  (t) => t.startsWith("sent from mail for windows") || t.startsWith("sent with proton mail"),
  (t) => t.startsWith("get outlook for ") || t.startsWith("sent via "),
  (t) => t.startsWith("envoyé de mon ") || t.startsWith("envoyé depuis mon ") || t.startsWith("envoyé à partir de "),
  (t) => t.startsWith("télécharger outlook pour ") || t.startsWith("obtenir outlook pour "),
  (t) => (t.startsWith("von meinem ") && t.endsWith("gesendet")) || t.startsWith("gesendet von meinem "),
  (t) => t.startsWith("gesendet mit der ") || t.startsWith("outlook für "),
  (t) => t.startsWith("enviado desde mi ") || t.startsWith("enviado desde yahoo") || t.startsWith("obtener outlook para "),
  // Proton's line, in French and Spanish
  (t) => t.startsWith("envoyé avec la messagerie sécurisée proton") || t.startsWith("enviado con el correo electrónico seguro de proton"),
]

export function isDeviceLine(line: string): boolean {
  const text = headerText(line)
  if (text === null) return false
  return DEVICE_LINES.some((test) => test(text))
}
