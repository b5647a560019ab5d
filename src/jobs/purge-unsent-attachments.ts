import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { purgeUnsentAttachmentsWorkflow } from "../workflows/messaging/workflows/purge-unsent-attachments"

/** Every hour: uploads never sent within 24 h go, files included, in batches of 500. */
export default async function purgeUnsentAttachmentsJob(container: MedusaContainer) {
  let total = 0
  for (let purged = 500; purged === 500; ) {
    const { result } = await purgeUnsentAttachmentsWorkflow(container).run({ input: { batch_size: 500 } })
    purged = result.length
    total += purged
  }
  if (total) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .info(`affiliate messaging: purged ${total} unsent attachments older than 24 h`)
  }
}

export const config = {
  name: "affiliate-messaging-purge-unsent-attachments",
  // job configs are read when the job loads, before plugin options exist:
  // a store that wants another cadence sets the environment variable
  schedule: process.env.AFFILIATE_PURGE_SCHEDULE || "17 * * * *",
}
