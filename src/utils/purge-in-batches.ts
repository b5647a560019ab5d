import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

export const PURGE_BATCH_SIZE = 500

/**
 * For scheduled jobs (kept out of src/jobs, where every file is a job).
 * Runs a purge batch after batch until one comes back short, then logs the
 * total (when anything went) with `describe`.
 */
export async function purgeInBatches(
  container: MedusaContainer,
  batch: (batchSize: number) => Promise<unknown[]>,
  describe: (total: number) => string
) {
  let total = 0
  for (let purged = PURGE_BATCH_SIZE; purged === PURGE_BATCH_SIZE; ) {
    purged = (await batch(PURGE_BATCH_SIZE)).length
    total += purged
  }
  if (total) {
    container.resolve(ContainerRegistrationKeys.LOGGER).info(`affiliate messaging: ${describe(total)}`)
  }
}
