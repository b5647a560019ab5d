import { spawnSync } from "child_process"

export const TEST_REDIS_URL = process.env.REDIS_URL || "redis://127.0.0.1:6379"

/** Whether a Redis answers PING at `url`; synchronous so a suite can decide to skip itself. */
export function redisAnswers(url = TEST_REDIS_URL): boolean {
  const { hostname, port } = new URL(url)
  const probe = `
    const socket = require("net").connect(${Number(port) || 6379}, ${JSON.stringify(hostname)})
    socket.setTimeout(2000, () => process.exit(1))
    socket.on("error", () => process.exit(1))
    socket.on("connect", () => socket.write("PING\\r\\n"))
    socket.on("data", (d) => process.exit(String(d).startsWith("+PONG") || String(d).includes("NOAUTH") ? 0 : 1))`
  return spawnSync(process.execPath, ["-e", probe], { timeout: 5000 }).status === 0
}
