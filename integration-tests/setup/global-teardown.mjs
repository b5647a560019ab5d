import { removeProductionHosts } from "./admin-hosts.mjs"

export default async function globalTeardown() {
  try {
    if (globalThis.__AFFMSG_OWNS_TEST_RUN__) await removeProductionHosts(process.env.AFFMSG_TEST_RUN_ID)
  } catch (error) {
    console.warn(`[tests] could not remove the production hosts of this run: ${error.message}`)
  }
  await globalThis.__AFFMSG_DATABASE__?.stop()
}
