import fs from "node:fs"
import path from "node:path"
import { fileURLToPath } from "node:url"
import pg from "pg"

/**
 * Suites share one built production store and one migrated template
 * database per template and jest run (integration-tests/helpers/
 * production-host.ts, folders .tmp/<template>/run-<AFFMSG_TEST_RUN_ID>: the
 * browser suites' admin-host, the reliability suites' scale-host). The
 * global setup names the run; the global teardown removes what the run
 * made, before the database server stops. Jest runs given one
 * AFFMSG_TEST_RUN_ID share its stores, and their caller removes them
 * (`node integration-tests/setup/admin-hosts.mjs remove <run id>`).
 */
const tmpDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../.tmp")

export function newTestRunId() {
  return `${process.pid}-${Date.now().toString(36)}`
}

export async function removeProductionHosts(runId) {
  const dirs = fs.existsSync(tmpDir)
    ? fs.readdirSync(tmpDir).map((name) => path.join(tmpDir, name, `run-${runId}`)).filter((dir) => fs.existsSync(dir))
    : []
  for (const dir of dirs) {
    await removeProductionHost(dir)
  }
}

async function removeProductionHost(dir) {
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

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv[2] === "remove") {
  // no top-level await: jest's global setup requires this module
  removeProductionHosts(process.argv[3]).catch((error) => {
    console.error(error)
    process.exitCode = 1
  })
}
