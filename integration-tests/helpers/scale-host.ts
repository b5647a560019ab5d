import fs from "fs"
import os from "os"
import path from "path"
import type { MedusaProcess } from "./medusa-process"
import { freePortSync } from "./ports"
import {
  createPublishableKey,
  databaseFromTemplate,
  PreparedHost,
  prepareProductionHost,
  Report,
  startProductionServer,
  waitForHealth,
} from "./production-host"
import type { RedisServer } from "./redis-server"
import type { SmtpSink } from "./smtp-sink"
import { connectToStore } from "./store-affiliate"

/** The store of the reliability suites: integration-tests/scale-host, no dashboard. */
const SCALE_HOST = {
  name: "scale-host",
  admin: { email: "owner@scale.test", password: "scale-test-password" },
}

export type WorkerMode = "shared" | "server" | "worker"

export type ScaleProcess = {
  mode: WorkerMode
  url: string
  process: MedusaProcess
}

/** The log line of a process that consumes the plugin's delivery queue. */
export const CONSUMING = /delivering emails from the (redis|in-memory) queue/

/**
 * One store made of scale-host processes on one database (copied from the
 * migrated template of this jest run's build) and one upload folder, as a
 * merchant scales it: `start("server")` twice and `start("worker")` once,
 * or one `start("shared")`. `env` goes to every process (SMTP_URL, the
 * Redis settings, …; see integration-tests/scale-host/medusa-config.ts).
 * `stop()` kills every process it started and drops the database.
 */
export class ScaleStore {
  readonly processes: ScaleProcess[] = []
  publishableKey = ""
  protected publishableKey_?: Promise<string>

  protected constructor(
    readonly host: PreparedHost,
    readonly database: Awaited<ReturnType<typeof databaseFromTemplate>>,
    readonly uploadDir: string,
    protected readonly env: NodeJS.ProcessEnv
  ) {}

  /** Starts a suite's own SMTP server and queue Redis, then a store that sends to the one and queues in the other. */
  static async createWithOwnServices(
    name: string,
    services: { sink: SmtpSink; redis: RedisServer },
    env: NodeJS.ProcessEnv = {}
  ) {
    await Promise.all([services.sink.start(), services.redis.start()])
    return ScaleStore.create(name, {
      SMTP_URL: services.sink.url,
      AFFILIATE_QUEUE_REDIS_URL: services.redis.url,
      ...env,
    })
  }

  /** Stops the store (when it was created), then the suite's SMTP server and Redis. */
  static async stopWithOwnServices(store: ScaleStore | undefined, services: { sink: SmtpSink; redis: RedisServer }) {
    await store?.stop()
    await Promise.all([services.sink.stop(), services.redis.remove()])
  }

  static async create(name: string, env: NodeJS.ProcessEnv, report?: Report) {
    const host = await prepareProductionHost(SCALE_HOST, report)
    const database = await databaseFromTemplate(host, `affmsg_${name}_${process.pid}_${Date.now().toString(36)}`).catch(
      async (error) => {
        await host.release()
        throw error
      }
    )
    const uploadDir = fs.mkdtempSync(path.join(os.tmpdir(), `affmsg-${name}-uploads-`))
    return new ScaleStore(host, database, uploadDir, env)
  }

  get admin() {
    return SCALE_HOST.admin
  }

  /**
   * A process in `mode`, ready: /health answers and, in worker and shared
   * mode, it consumes the delivery queue. The first one serving the API
   * also makes the store's publishable key.
   */
  async start(mode: WorkerMode, env: NodeJS.ProcessEnv = {}): Promise<ScaleProcess> {
    const port = freePortSync()
    const url = `http://localhost:${port}`
    const process_ = startProductionServer(
      this.host,
      {
        ...this.env,
        ...env,
        DATABASE_URL: this.database.url,
        PORT: String(port),
        MEDUSA_WORKER_MODE: mode,
        AFFILIATE_UPLOAD_DIR: this.uploadDir,
      },
      `${this.database.name}-${mode}-${port}`
    )
    const started: ScaleProcess = { mode, url, process: process_ }
    this.processes.push(started)
    await waitForHealth(process_, url)
    if (mode !== "server") {
      await process_.waitForLog(CONSUMING)
    }
    // processes started side by side make one key, through one that serves
    // the API (a worker answers /health only)
    if (mode !== "worker") {
      this.publishableKey_ ??= createPublishableKey(url, SCALE_HOST.admin)
      this.publishableKey = await this.publishableKey_
    }
    return started
  }

  /** The affiliate program helpers (store-affiliate.ts) against one process. */
  connect(target: ScaleProcess) {
    return connectToStore({
      backendUrl: target.url,
      adminEmail: SCALE_HOST.admin.email,
      adminPassword: SCALE_HOST.admin.password,
      publishableKey: this.publishableKey,
    })
  }

  async stop() {
    await Promise.all(this.processes.map((p) => p.process.stop()))
    await this.database.drop()
    fs.rmSync(this.uploadDir, { recursive: true, force: true })
    await this.host.release()
  }
}
