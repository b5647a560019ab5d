/**
 * Makes (or finds) the cached `npm install` of the oldest supported Medusa's
 * store that `oldest-medusa.spec.ts` starts from, ahead of it: `.ci/run`
 * starts this in the background, at low priority, while the other suites
 * run, so a machine without the cache (a fresh CI machine: ~8 min of mostly
 * network) no longer waits for it. The spec takes the same `flock`, so it
 * reuses this install, or waits for the one under way.
 *   npx tsx integration-tests/compat/prepare-oldest-host.ts
 */
import path from "path"
import { cachedHostInstall } from "../helpers/cached-host"

export const OLDEST_HOST_TEMPLATE = path.resolve(__dirname, "../oldest-host")

if (require.main === module) {
  try {
    cachedHostInstall(OLDEST_HOST_TEMPLATE, (message) => console.log(`[prepare-oldest-host] ${message}`))
  } catch (error) {
    // the spec makes it again and reports the failure where it counts
    console.log(`[prepare-oldest-host] failed, left to the compat suite: ${(error as Error).message.split("\n")[0]}`)
  }
}
