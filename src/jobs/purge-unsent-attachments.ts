import type { MedusaContainer } from "@medusajs/framework/types"
import { purgeUnsentAttachmentsWorkflow } from "../workflows/messaging/workflows/purge-unsent-attachments"
import { purgeInBatches } from "../utils/purge-in-batches"

/** Every hour: uploads never sent within 24 h go, files included, in batches of 500. */
export default async function purgeUnsentAttachmentsJob(container: MedusaContainer) {
  await purgeInBatches(
    container,
    async (batch_size) => (await purgeUnsentAttachmentsWorkflow(container).run({ input: { batch_size } })).result,
    (total) => `purged ${total} unsent attachments older than 24 h`
  )
}

export const config = {
  name: "affiliate-messaging-purge-unsent-attachments",
  // job configs are read when the job loads, before plugin options exist:
  // a store that wants another cadence sets the environment variable
  schedule: process.env.AFFILIATE_PURGE_SCHEDULE || "17 * * * *",
}
