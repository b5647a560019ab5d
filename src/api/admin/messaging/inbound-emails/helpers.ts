import type { InboundEmailDTO } from "../../../../types/inbound-email"
import type { AdminInboundEmail } from "../../../../types/http"

/** An inbound email as the admin API shows it: never its raw content or addresses beyond the sender. */
export const inboundEmailView = (email: InboundEmailDTO): AdminInboundEmail => ({
  id: email.id,
  received_at: new Date(email.received_at).toISOString(),
  transport: email.transport,
  from: email.from_address,
  status: email.status,
  reason: email.reason,
  detail: email.detail,
  conversation_id: email.conversation_id,
  message_id: email.message_id,
})
