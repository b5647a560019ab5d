import { render, toPlainText } from "@react-email/render"
import type { ReactElement } from "react"

export type RenderedEmail = { subject: string; html: string; text: string }

/**
 * HTML and plain-text parts of one email, from one React render: the text
 * is converted from the HTML, which is what `render(element, { plainText:
 * true })` does after rendering the element a second time.
 */
export async function renderEmail(subject: string, element: ReactElement): Promise<RenderedEmail> {
  const html = await render(element)
  return { subject, html, text: toPlainText(html) }
}
