/**
 * Preloaded into a store's server (`node --require`): on SIGUSR2 it writes
 * the names of the packages the process has loaded, one per line, to
 * AFFMSG_LOADED_PACKAGES_FILE. Lets a test see what a store carries at
 * boot without touching the server's code.
 */
const fs = require("fs")

process.on("SIGUSR2", () => {
  const names = new Set()
  for (const file of Object.keys(require.cache)) {
    const match = file.match(/.*node_modules\/((?:@[^/]+\/)?[^/]+)/)
    if (match) names.add(match[1])
  }
  fs.writeFileSync(process.env.AFFMSG_LOADED_PACKAGES_FILE, [...names].sort().join("\n"))
})
