import { execFileSync } from "node:child_process"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { startEmbeddedPostgres } from "../../scripts/lib/embedded-postgres.mjs"

/**
 * Chooses the PostgreSQL server the tests use, in this order:
 * 1. `DB_HOST` (with `DB_PORT`, `DB_USERNAME`, `DB_PASSWORD`) when set;
 * 2. a testcontainers Postgres when a Docker daemon answers;
 * 3. an embedded Postgres from npm, on a free port, in a temp folder.
 * Returns a stop function for what it started.
 */
export async function provideDatabase() {
  if (process.env.DB_HOST) {
    process.env.DB_USERNAME ??= "postgres"
    return { source: `DB_HOST=${process.env.DB_HOST}`, stop: async () => {} }
  }
  if (dockerAnswers()) {
    try {
      return await startContainer()
    } catch (error) {
      console.warn(`testcontainers failed (${error.message}); using embedded Postgres`)
    }
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "affmsg-test-pg-"))
  fs.chmodSync(dataDir, 0o755)
  const server = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "data") })
  setDbEnv("localhost", server.port, server.user, server.password)
  return {
    source: `embedded-postgres on port ${server.port}`,
    stop: async () => {
      await server.stop()
      fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

function setDbEnv(host, port, user, password) {
  // test-utils turns SSL on unless the URL says "localhost"
  process.env.DB_HOST = host
  process.env.DB_PORT = String(port)
  process.env.DB_USERNAME = user
  process.env.DB_PASSWORD = password
}

function dockerAnswers() {
  try {
    execFileSync("docker", ["info"], { stdio: "ignore", timeout: 5000 })
    return true
  } catch {
    return false
  }
}

async function startContainer() {
  const { PostgreSqlContainer } = await import("@testcontainers/postgresql")
  const container = await new PostgreSqlContainer("postgres:16-alpine")
    .withUsername("postgres")
    .withPassword("postgres")
    .start()
  setDbEnv("localhost", container.getPort(), "postgres", "postgres")
  return {
    source: "testcontainers",
    stop: async () => {
      await container.stop()
    },
  }
}
