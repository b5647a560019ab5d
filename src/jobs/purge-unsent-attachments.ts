import type { MedusaContainer } from "@medusajs/framework/types"
import { purgeUnsentAttachmentsWorkflow } from "../workflows/messaging/workflows/purge-unsent-attachments"

/** Every hour: uploads never sent within 24 h go, files included, in batches of 500. */
export default async function purgeUnsentAttachmentsJob(container: MedusaContainer) {
  for (let purged = 500; purged === 500; ) {
    const { result } = await purgeUnsentAttachmentsWorkflow(container).run({ input: { batch_size: 500 } })
    purged = result.length
  }
}

export const config = {
  name: "affiliate-messaging-purge-unsent-attachments",
  schedule: "17 * * * *",
}
