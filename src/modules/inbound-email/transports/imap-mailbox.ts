import type { ImapFlowOptions } from "imapflow"

/** Where the poller reads: connection options, and a key naming the mailbox without its password. */
export type ImapMailbox = {
  connection: Pick<ImapFlowOptions, "host" | "port" | "secure" | "auth">
  mailbox: string
  key: string
}

/**
 * `imaps://user:pass@host:993` (TLS from the start) or `imap://…:143`
 * (STARTTLS when the server offers it); user and password URL-encoded.
 */
export function imapMailbox(url: string, mailbox = "INBOX"): ImapMailbox {
  const parsed = new URL(url)
  const secure = parsed.protocol === "imaps:"
  if (!secure && parsed.protocol !== "imap:") {
    throw new Error(`inboundEmail.imap.url must start with imap:// or imaps:// (got ${parsed.protocol}//)`)
  }
  const user = decodeURIComponent(parsed.username)
  const port = Number(parsed.port) || (secure ? 993 : 143)
  const host = parsed.hostname.replace(/^\[(.*)\]$/, "$1")
  return {
    connection: { host, port, secure, auth: { user, pass: decodeURIComponent(parsed.password) } },
    mailbox,
    key: `${user}@${host.toLowerCase()}:${port}/${mailbox}`,
  }
}
