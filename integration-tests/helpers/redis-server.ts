import { ChildProcess, spawn, spawnSync } from "child_process"
import fs from "fs"
import IORedis from "ioredis"
import os from "os"
import path from "path"
import { freePortSync } from "./ports"

/**
 * A Redis of the test's own (`redis-server` binary) on a free port, with
 * the persistence a queue's Redis needs in production: append-only file
 * fsynced on every write, no RDB snapshots, and `noeviction` so Redis
 * refuses writes rather than dropping queued jobs when memory runs out
 * (BullMQ's advice). It can be restarted on the same port and folder: what
 * was acknowledged before the restart is there after it. Nothing is shared
 * with other test runs, so Medusa's Redis modules can keep their default
 * queue names.
 */
export class RedisServer {
  readonly port = freePortSync()
  readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), "affmsg-redis-"))
  protected process_?: ChildProcess
  protected readonly onExit_ = () => this.process_?.kill("SIGKILL")

  get url() {
    return `redis://127.0.0.1:${this.port}`
  }

  async start(): Promise<this> {
    const binary = spawnSync("redis-server", ["--version"])
    if (binary.error) {
      throw new Error("the reliability tests need the `redis-server` binary (apt-get install redis-server)")
    }
    this.process_ = spawn(
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
    process.once("exit", this.onExit_)
    const deadline = Date.now() + 10_000
    while (!(await this.answers())) {
      if (this.process_.exitCode !== null || Date.now() > deadline) {
        throw new Error(`redis-server did not start on port ${this.port}`)
      }
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    return this
  }

  /** SIGTERM (Redis flushes its append-only file and exits), then waits for the exit. */
  async stop() {
    process.removeListener("exit", this.onExit_)
    const child = this.process_
    this.process_ = undefined
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve))
      child.kill("SIGTERM")
      await exited
    }
  }

  /** Stops it and removes its files. */
  async remove() {
    await this.stop()
    fs.rmSync(this.dir, { recursive: true, force: true })
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
