import { render, toPlainText } from "@react-email/render"
import type { ReactElement } from "react"

export type RenderedEmail = { subject: string; html: string; text: string }

/**
 * The invisible characters react-email's `Preview` pads the preheader with
 * (no-break space, zero-width and direction marks, BOM: seven per missing
 * character of a 150-character preview, up to ~1,000 per email).
 */
const INVISIBLE = /[\u00A0\u200B-\u200F\uFEFF]/g

/**
 * HTML and plain-text parts of one email, from one React render: the text
 * is converted from the HTML, which is what `render(element, { plainText:
 * true })` does after rendering the element a second time.
 *
 * The invisible characters go out as character references (`&#8204;`):
 * the same document to every mail client, but ASCII, which nodemailer's
 * quoted-printable encoder passes through, where each of their UTF-8 bytes
 * is escaped (`=E2=80=8C`); the padding made half of the time nodemailer
 * took to build an email (2.2 → 1.1 ms for a 4.6 kB email; see
 * bench/README.md). Only these: visible text keeps its characters, and the
 * templates have no `<style>` or `<script>`, where references are not read.
 */
export async function renderEmail(subject: string, element: ReactElement): Promise<RenderedEmail> {
  const html = await render(element)
  return {
    subject,
    html: html.replace(INVISIBLE, (character) => `&#${character.charCodeAt(0)};`),
    text: toPlainText(html),
  }
}
