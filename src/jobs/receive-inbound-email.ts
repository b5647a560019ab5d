import type { MedusaContainer } from "@medusajs/framework/types"
import { INBOUND_EMAIL_MODULE } from "../modules/inbound-email"
import type InboundEmailModuleService from "../modules/inbound-email/service"
import { receiveInboundEmail } from "../workflows/inbound-email"

/**
 * Starts the reply-by-email transports that run inside the plugin (the
 * SMTP receiver, the IMAP poller) in this process. Medusa runs scheduled
 * jobs only in `worker` and `shared` processes, which is where they
 * belong: a `server` process answers HTTP (the webhook) and nothing else.
 * The first run starts them, later runs find them running and return (or
 * try again what failed to start, such as an SMTP port still taken).
 */
export default async function receiveInboundEmailJob(container: MedusaContainer) {
  await container
    .resolve<InboundEmailModuleService>(INBOUND_EMAIL_MODULE)
    .startTransports((email) => receiveInboundEmail(container, email))
}

export const config = {
  name: "affiliate-messaging-receive-inbound-email",
  schedule: { interval: 5_000 },
}
