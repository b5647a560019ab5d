import { provideDatabase } from "./database.mjs"

export default async function globalSetup() {
  process.env.MEDUSA_DISABLE_TELEMETRY = "true"
  process.env.LOG_LEVEL ??= "error"
  const database = await provideDatabase()
  globalThis.__AFFMSG_DATABASE__ = database
  console.log(`\n[tests] PostgreSQL: ${database.source}`)
}
