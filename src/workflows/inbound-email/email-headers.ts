import type { AddressObject, HeaderValue, ParsedMail } from "mailparser"
import { mailparser } from "./mail-parser"

export type HeaderSummary = {
  message_id: string | null
  from: string | null
  /** To, Cc, Delivered-To, X-Original-To and Envelope-To addresses, lowercased, in that order. */
  recipients: string[]
  to: string[]
}

const addressesOf = (field: AddressObject | AddressObject[] | undefined): string[] =>
  (Array.isArray(field) ? field : field ? [field] : [])
    .flatMap((object) => object.value)
    .flatMap((entry) => (entry.group ? entry.group : [entry]))
    .map((entry) => entry.address?.trim().toLowerCase())
    .filter((address): address is string => !!address)

const headerTexts = (value: HeaderValue | HeaderValue[] | undefined): string[] =>
  (Array.isArray(value) ? value : value === undefined ? [] : [value]).flatMap((entry) =>
    typeof entry === "string" ? [entry] : typeof entry === "object" && entry && "text" in entry ? [String((entry as AddressObject).text)] : []
  )

/** Bare addresses inside header texts such as `<a@b>` or `a@b, c@d`. */
const bareAddresses = (texts: string[]): string[] =>
  texts.flatMap((text) => text.split(/[,\s]+/)).map((part) => part.replace(/^<|>$/g, "").trim().toLowerCase()).filter((part) => part.includes("@"))

/** What ingestion needs of a parsed email's headers. */
export function summarizeHeaders(mail: Pick<ParsedMail, "messageId" | "from" | "to" | "cc" | "headers">): HeaderSummary {
  const to = addressesOf(mail.to)
  const traced = ["delivered-to", "x-original-to", "envelope-to"].flatMap((name) =>
    bareAddresses(headerTexts(mail.headers.get(name)))
  )
  const recipients = [...new Set([...to, ...addressesOf(mail.cc), ...traced])]
  return {
    message_id: mail.messageId?.trim() || null,
    from: addressesOf(mail.from)[0] ?? null,
    recipients,
    to,
  }
}

/** Parses a header block alone (no body is read). */
export async function parseHeaderBlock(head: Buffer): Promise<HeaderSummary> {
  const mail = await mailparser().simpleParser(Buffer.concat([head, Buffer.from("\r\n\r\n")]), {
    skipHtmlToText: true,
    skipTextToHtml: true,
    skipTextLinks: true,
  })
  return summarizeHeaders(mail)
}
