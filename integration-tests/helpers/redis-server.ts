import { spawn, spawnSync } from "child_process"
import IORedis from "ioredis"
import { LocalServer } from "./child-process"

/**
 * A Redis of the test's own (`redis-server` binary) on a free port, with
 * the persistence a queue's Redis needs in production: append-only file
 * fsynced on every write, no RDB snapshots, and `noeviction` so Redis
 * refuses writes rather than dropping queued jobs when memory runs out
 * (BullMQ's advice). It can be restarted on the same port and folder: on
 * stop() (SIGTERM) Redis flushes its append-only file, so what was
 * acknowledged before the restart is there after it. Nothing is shared
 * with other test runs, so Medusa's Redis modules can keep their default
 * queue names.
 */
export class RedisServer extends LocalServer {
  constructor() {
    super("redis")
  }

  get url() {
    return `redis://127.0.0.1:${this.port}`
  }

  async start(): Promise<this> {
    const binary = spawnSync("redis-server", ["--version"])
    if (binary.error) {
      throw new Error("the reliability tests need the `redis-server` binary (apt-get install redis-server)")
    }
    const child = spawn(
      "redis-server",
      [
        "--port", String(this.port),
        "--bind", "127.0.0.1",
        "--dir", this.dir,
        "--appendonly", "yes",
        "--appendfsync", "always",
        "--save", "",
        "--maxmemory-policy", "noeviction",
      ],
      { stdio: "ignore" }
    )
    return this.run(child, 10_000, () => `redis-server did not start on port ${this.port}`)
  }

  /** A client for the test's own questions; quit it after use. */
  client() {
    return new IORedis(this.url, { maxRetriesPerRequest: 1, lazyConnect: true })
  }

  protected async answers() {
    const client = new IORedis(this.url, { lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0 })
    client.on("error", () => {})
    try {
      await client.connect()
      return (await client.ping()) === "PONG"
    } catch {
      return false
    } finally {
      client.disconnect()
    }
  }
}
