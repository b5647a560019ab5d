import type { Logger } from "@medusajs/framework/types"
import type { AffiliateMessagingPluginOptions, DeliveryOption } from "../../types/options"
import { requestsInFlight } from "../../utils/requests-in-flight"
import { BullMqDriver } from "./drivers/bullmq"
import { InMemoryDriver } from "./drivers/in-memory"
import { DeliveryJob, JobHandler, QueueDriver, RetryPolicy } from "./types"

/** The plugin options this module reads (see AffiliateMessagingPluginOptions). */
export type DeliveryQueueOptions = Pick<AffiliateMessagingPluginOptions, DeliveryOption>

/** How long a job waits for the requests in flight at most (`deliveryYieldMs`). */
export const DEFAULT_YIELD_MS = 2_000

type ModuleDeclaration = { worker_mode?: "shared" | "worker" | "server" }
type ConfigModule = { projectConfig?: { redisUrl?: string } }

/**
 * A durable job queue for email deliveries: the plugin enqueues them after
 * a message is committed, so sending never blocks or rolls back a request.
 * Jobs are consumed where `startConsuming` is called, which the plugin's
 * scheduled job does in processes whose Medusa `workerMode` is `worker` or
 * `shared` (Medusa runs scheduled jobs nowhere else).
 */
export default class DeliveryQueueService {
  protected driver_?: QueueDriver
  protected consuming_ = false
  protected readonly logger_: Logger
  protected readonly redisUrl_?: string
  protected readonly policy_: RetryPolicy

  __hooks = {
    onApplicationShutdown: async () => {
      await this.driver_?.close()
    },
  }

  constructor(
    cradle: { logger: Logger; configModule?: ConfigModule },
    protected readonly options: DeliveryQueueOptions = {}
  ) {
    this.logger_ = cradle.logger
    this.redisUrl_ = options.redisUrl || cradle.configModule?.projectConfig?.redisUrl || undefined
    this.policy_ = {
      attempts: options.deliveryAttempts ?? 15,
      backoff_ms: options.deliveryBackoffMs ?? 5_000,
      max_backoff_ms: options.deliveryMaxBackoffMs ?? 60 * 60 * 1000,
    }
  }

  async enqueue(jobs: DeliveryJob[]): Promise<void> {
    if (jobs.length) {
      await this.driver().add(jobs)
    }
  }

  async remove(ids: string[]): Promise<void> {
    if (ids.length) {
      await this.driver().remove(ids)
    }
  }

  /**
   * Starts consuming jobs in this process with `handler`; later calls do
   * nothing. Each job first waits for a moment with no request in flight,
   * `deliveryYieldMs` at most (decision 0038).
   */
  async startConsuming(handler: JobHandler): Promise<boolean> {
    if (this.consuming_) {
      return false
    }
    this.consuming_ = true
    const yieldMs = this.options.deliveryYieldMs ?? DEFAULT_YIELD_MS
    await this.driver().start(async (job, journal) => {
      await requestsInFlight.whenIdle(yieldMs)
      return await handler(job, journal)
    })
    this.logger_.info(`affiliate messaging: delivering emails from the ${this.kind} queue`)
    return true
  }

  /** "redis" or "in-memory": which queue this process uses. */
  get kind(): "redis" | "in-memory" {
    return this.redisUrl_ ? "redis" : "in-memory"
  }

  protected driver(): QueueDriver {
    this.driver_ ??= this.redisUrl_
      ? new BullMqDriver(
          this.redisUrl_,
          this.options.deliveryQueueName ?? "affiliate-messaging-deliveries",
          this.policy_,
          { concurrency: this.options.deliveryConcurrency ?? 5, lockMs: this.options.deliveryLockMs ?? 30_000 },
          this.logger_
        )
      : new InMemoryDriver(this.policy_, this.logger_)
    return this.driver_
  }
}
