import type { MedusaContainer } from "@medusajs/framework/types"
import { purgeRawEmailsWorkflow } from "../workflows/inbound-email/workflows/purge-raw-emails"
import { purgeInBatches } from "../utils/purge-in-batches"

/** Every day (also after reply by email was turned off): raw copies of received emails older than 30 days go. */
export default async function purgeInboundEmailsJob(container: MedusaContainer) {
  await purgeInBatches(
    container,
    async (batch_size) => (await purgeRawEmailsWorkflow(container).run({ input: { batch_size } })).result,
    (total) => `purged the raw copies of ${total} inbound emails older than 30 days`
  )
}

export const config = {
  name: "affiliate-messaging-purge-inbound-emails",
  // job configs are read when the job loads, before plugin options exist
  schedule: process.env.AFFILIATE_INBOUND_PURGE_SCHEDULE || "41 3 * * *",
}
