import { removeAdminHosts } from "./admin-hosts.mjs"

export default async function globalTeardown() {
  try {
    await removeAdminHosts(process.env.AFFMSG_TEST_RUN_ID)
  } catch (error) {
    console.warn(`[tests] could not remove the browser suites' store: ${error.message}`)
  }
  await globalThis.__AFFMSG_DATABASE__?.stop()
}
