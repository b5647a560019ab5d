import type { Readable } from "stream"

/** Transports that deliver emails themselves (the webhook calls ingestion directly). */
export type ReceivingTransport = "smtp" | "imap"

/** One received email, handed to ingestion as it arrives. */
export type ReceivedEmail = {
  /** The raw MIME bytes, streamed: transports never hold a whole email. */
  raw: Readable | Buffer
  transport: ReceivingTransport
  /** The reply addresses it was delivered to (SMTP RCPT TO; IMAP delivery headers). */
  envelope_to: string[]
}

/**
 * Where transports hand emails over (receiveInboundEmail). It resolves
 * once the raw email is stored (processing goes on in the durable queue);
 * only then does a transport acknowledge it, so a crash before that makes
 * the sender retry. It reads the raw stream to its end, also past
 * `maxBytes` (without keeping those bytes), and then says `too_large`.
 */
export type InboundEmailSink = (email: ReceivedEmail) => Promise<unknown>
