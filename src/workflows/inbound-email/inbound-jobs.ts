import type { DeliveryJob } from "../../modules/delivery-queue/types"

export const PROCESS_INBOUND_EMAIL = "process-inbound-email"

export type ProcessInboundEmailJobInput = { inbound_email_id: string }

/**
 * Parsing and posting one stored email, on the plugin's durable queue. The
 * id names the processing run (`attempts`), so an admin's retry is a new
 * job while a provider's retry of the same email is no job at all.
 */
export function processInboundEmailJob(id: string, attempts: number): DeliveryJob {
  const input: ProcessInboundEmailJobInput = { inbound_email_id: id }
  return { id: `inbound-${id}-${attempts}`, workflow: PROCESS_INBOUND_EMAIL, input }
}
