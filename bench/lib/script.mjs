/**
 * Runs a bench script's `main(cleanups)`: whatever it pushes on `cleanups`
 * (stop a server, drop a database) runs once, in reverse, when it ends,
 * fails or is interrupted (SIGINT, SIGTERM). The servers run in their own
 * process groups and would outlive an interrupted script otherwise.
 */
export function runBenchScript(name, main) {
  const cleanups = []
  let cleaning
  const cleanUp = () =>
    (cleaning ??= (async () => {
      for (const cleanup of cleanups.reverse()) {
        await cleanup().catch((error) => console.error(`[${name}] cleanup: ${error.message}`))
      }
    })())
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.once(signal, async () => {
      console.log(`[${name}] ${signal}: stopping the servers and dropping the databases…`)
      await cleanUp()
      process.exit(130)
    })
  }
  main(cleanups)
    .catch((error) => {
      console.error(`[${name}] failed: ${error.stack ?? error}`)
      process.exitCode = 1
    })
    .finally(cleanUp)
}
