import fs from "node:fs"
import path from "node:path"
import { fileURLToPath } from "node:url"
import pg from "pg"

/**
 * The browser suites share one built store and one migrated template database
 * per jest run (integration-tests/helpers/admin-app.ts, folder
 * .tmp/admin-host/run-<AFFMSG_TEST_RUN_ID>). The global setup names the run;
 * the global teardown removes what the run made, before the database server
 * stops.
 */
const hostsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../.tmp/admin-host")

export function newTestRunId() {
  return `${process.pid}-${Date.now().toString(36)}`
}

export async function removeAdminHosts(runId) {
  const dir = path.join(hostsDir, `run-${runId}`)
  const nameFile = path.join(dir, "template-database")
  if (fs.existsSync(nameFile)) {
    const database = fs.readFileSync(nameFile, "utf8").trim()
    const user = encodeURIComponent(process.env.DB_USERNAME ?? "postgres")
    const password = process.env.DB_PASSWORD ? `:${encodeURIComponent(process.env.DB_PASSWORD)}` : ""
    const client = new pg.Client({
      connectionString: `postgres://${user}${password}@${process.env.DB_HOST ?? "localhost"}:${process.env.DB_PORT ?? 5432}/postgres`,
    })
    await client.connect()
    try {
      await client.query(`drop database if exists "${database.replace(/"/g, "")}" with (force)`)
    } finally {
      await client.end()
    }
  }
  fs.rmSync(dir, { recursive: true, force: true })
}
