import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import type { Readable } from "stream"
import { INBOUND_EMAIL_MODULE } from "../../modules/inbound-email"
import type InboundEmailModuleService from "../../modules/inbound-email/service"
import type { InboundRefusalReason, InboundTransport } from "../../types/inbound-email"
import { parseHeaderBlock } from "./email-headers"
import { deleteRawEmail, storeRawEmail } from "./raw-email-store"
import { recordInboundEmailWorkflow } from "./workflows/record-inbound-email"

export type ReceiveInboundEmailInput = {
  /** The whole RFC 5322 message, as received. */
  raw: Buffer | Readable
  transport: InboundTransport
  /** SMTP `RCPT TO` addresses, when the transport knows them. */
  envelope_to?: string[]
}

export type ReceivedInboundEmail = {
  id: string
  /** `received`: stored and queued; `duplicate`: seen before, not processed again; `refused`: see `reason`. */
  status: "received" | "duplicate" | "refused"
  reason: InboundRefusalReason | null
}

/**
 * The one way into reply by email, for every transport (webhook, SMTP
 * receiver, IMAP poller): stores the raw email first, once per Message-ID
 * (or hash of its bytes when it has none), then queues its parsing and
 * posting on the plugin's durable queue. Resolves once the email is safely
 * stored: a transport may acknowledge it then (250, 200), and should answer
 * an error that makes the sender retry when this throws.
 *
 * An email over `inboundEmail.maxBytes` is recorded as refused
 * (`too_large`) without its body; the transport answers 552 / 413.
 *
 * @example
 * const received = await receiveInboundEmail(container, { raw: stream, transport: "smtp", envelope_to: ["partners+3f…@shop.example"] })
 * if (received.reason === "too_large") { … answer 552 … }
 */
export async function receiveInboundEmail(
  container: MedusaContainer,
  input: ReceiveInboundEmailInput
): Promise<ReceivedInboundEmail> {
  const options = container.resolve<InboundEmailModuleService>(INBOUND_EMAIL_MODULE).getInboundOptions()
  if (!options) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "Reply by email is off: set the inboundEmail.replyTo option")
  }
  const stored = await storeRawEmail(container, input.raw, options.maxBytes)
  try {
    const headers = await parseHeaderBlock(stored.head)
    const { result } = await recordInboundEmailWorkflow(container).run({
      input: {
        transport: input.transport,
        dedupe_key: stored.too_large ? null : headers.message_id ?? `sha256:${stored.sha256}`,
        message_header_id: headers.message_id,
        from_address: headers.from,
        to_addresses: headers.recipients,
        envelope_to: (input.envelope_to ?? []).map((address) => address.trim().toLowerCase()),
        raw_file_id: stored.file_id,
        raw_size: stored.size,
        raw_sha256: stored.sha256 || null,
        ...(stored.too_large ? { status: "refused" as const, reason: "too_large" as const } : {}),
      },
    })
    if (result.duplicate) {
      await deleteRawEmail(container, stored.file_id)
    }
    return {
      id: result.email.id,
      status: result.duplicate ? "duplicate" : stored.too_large ? "refused" : "received",
      reason: stored.too_large ? "too_large" : null,
    }
  } catch (error) {
    await deleteRawEmail(container, stored.file_id)
    throw error
  }
}
