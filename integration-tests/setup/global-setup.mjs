import { newTestRunId } from "./admin-hosts.mjs"
import { provideDatabase } from "./database.mjs"

export default async function globalSetup() {
  process.env.MEDUSA_DISABLE_TELEMETRY = "true"
  process.env.LOG_LEVEL ??= "error"
  // names what this run's suites share (the browser suites' built store);
  // a run id given from outside is shared with other jest runs (.ci/run's
  // reliability parts), which then remove its stores themselves
  globalThis.__AFFMSG_OWNS_TEST_RUN__ = !process.env.AFFMSG_TEST_RUN_ID
  process.env.AFFMSG_TEST_RUN_ID ||= newTestRunId()
  const database = await provideDatabase()
  globalThis.__AFFMSG_DATABASE__ = database
  console.log(`\n[tests] PostgreSQL: ${database.source}`)
}
