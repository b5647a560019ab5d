import type { HeaderLines, Headers } from "mailparser"

/**
 * mailauth's parser of Authentication-Results (RFC 8601 grammar, comments
 * and quoting); it ships no types. Loaded with the first reply email, not
 * at boot (decision 0043).
 */
const parseAuthHeader = (line: string): { parsed: Record<string, any> } =>
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  require("mailauth/lib/parse-dkim-headers")(line)

/**
 * Whether the receiving side says the email failed DMARC. Only the topmost
 * `Authentication-Results` counts: it is the one the last hop (the store's
 * receiver or provider) added; lower ones may come from the sender.
 */
export function dmarcFailed(lines: HeaderLines): boolean {
  const line = lines.find((entry) => entry.key === "authentication-results")?.line
  if (!line) {
    return false
  }
  try {
    const dmarc = parseAuthHeader(line).parsed.dmarc
    const results = (Array.isArray(dmarc) ? dmarc : dmarc ? [dmarc] : []) as { value?: string }[]
    return results.some((result) => String(result.value).toLowerCase() === "fail")
  } catch {
    return false
  }
}

const AUTO_PRECEDENCE = new Set(["bulk", "junk", "list", "auto_reply"])
const SYSTEM_SENDER = /^(mailer-daemon|postmaster)@/i

const textOf = (value: unknown): string =>
  typeof value === "string"
    ? value
    : value && typeof value === "object" && "value" in value
      ? String((value as { value: unknown }).value)
      : ""

/**
 * Why an email is machine-made (out-of-office, bounce, list traffic), or
 * null for a person's reply. Such emails are never posted and never
 * answered, so two auto-responders cannot loop through a thread.
 */
export function autoReplySignal(headers: Headers, from: string | null): string | null {
  const autoSubmitted = textOf(headers.get("auto-submitted")).trim().toLowerCase()
  if (autoSubmitted && autoSubmitted !== "no") {
    return `Auto-Submitted: ${autoSubmitted}`
  }
  for (const name of ["x-autoreply", "x-autorespond", "x-auto-response-suppress"]) {
    if (headers.has(name)) {
      return `${name} header`
    }
  }
  const precedence = textOf(headers.get("precedence")).trim().toLowerCase()
  if (AUTO_PRECEDENCE.has(precedence)) {
    return `Precedence: ${precedence}`
  }
  if (headers.has("return-path")) {
    const returnPath = headers.get("return-path") as { value?: { address?: string }[]; text?: string } | string
    const address = typeof returnPath === "string" ? returnPath : returnPath?.value?.[0]?.address ?? returnPath?.text ?? ""
    if (!address.replace(/[<>\s]/g, "")) {
      return "empty return path"
    }
  }
  if (from && SYSTEM_SENDER.test(from)) {
    return `sent by ${from.split("@")[0]}`
  }
  const contentType = headers.get("content-type") as { value?: string; params?: Record<string, string> } | undefined
  if (
    contentType?.value?.toLowerCase() === "multipart/report" ||
    contentType?.params?.["report-type"]?.toLowerCase() === "delivery-status"
  ) {
    return "delivery status report"
  }
  return null
}
