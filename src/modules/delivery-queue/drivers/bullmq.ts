import type { Logger } from "@medusajs/framework/types"
import { Job, Queue, Worker } from "bullmq"
import IORedis from "ioredis"
import { DeliveryJob, JobHandler, JobJournal, QueueDriver, RetryPolicy, backoffDelay, delayOf } from "../types"

const DAY_SECONDS = 24 * 60 * 60
// journal lines in the job's BullMQ log, readable in any BullMQ dashboard
const RUN_LINE = "run"
const DONE_PREFIX = "done "
/** BullMQ's reason for a job whose workers died more than `maxStalledCount` times while running it. */
const STALLED_TOO_OFTEN = "job stalled more than allowable limit"

/**
 * Jobs in Redis with BullMQ: they survive restarts, are shared by every
 * server and worker process, and a job id is accepted once (completed jobs
 * are kept a week so late duplicates are still recognised).
 */
export class BullMqDriver implements QueueDriver {
  protected readonly queue_: Queue
  protected worker_?: Worker
  protected readonly connections_: IORedis[] = []

  constructor(
    protected readonly redisUrl: string,
    protected readonly queueName: string,
    protected readonly policy: RetryPolicy,
    protected readonly worker: { concurrency: number; lockMs: number },
    protected readonly logger: Logger
  ) {
    this.queue_ = new Queue(queueName, {
      connection: this.connect(),
      defaultJobOptions: {
        attempts: policy.attempts,
        backoff: { type: "capped-exponential" },
        removeOnComplete: { age: 7 * DAY_SECONDS },
        removeOnFail: { age: 30 * DAY_SECONDS },
      },
    })
    this.logConnectionErrors(this.queue_)
  }

  /**
   * BullMQ re-emits Redis connection errors; an `error` event without a
   * listener would crash the process, while ioredis reconnects by itself.
   */
  protected logConnectionErrors(emitter: Pick<NodeJS.EventEmitter, "on">) {
    emitter.on("error", (error: Error) => {
      this.logger.warn(`affiliate messaging: delivery queue Redis: ${error.message}`)
    })
  }

  protected connect() {
    const connection = new IORedis(this.redisUrl, { maxRetriesPerRequest: null })
    this.connections_.push(connection)
    return connection
  }

  async add(jobs: DeliveryJob[]) {
    await this.queue_.addBulk(
      jobs.map((job) => ({
        name: job.workflow,
        data: job,
        opts: { jobId: job.id, delay: delayOf(job) },
      }))
    )
  }

  async remove(ids: string[]) {
    await Promise.all(ids.map((id) => this.queue_.remove(id)))
  }

  async start(handler: JobHandler) {
    this.worker_ = new Worker(
      this.queueName,
      async (job) => handler(job.data as DeliveryJob, await this.journalOf(job)),
      {
        connection: this.connect(),
        concurrency: this.worker.concurrency,
        // a crashed worker's job is taken over once its lock lapses
        lockDuration: this.worker.lockMs,
        stalledInterval: this.worker.lockMs,
        // ... as often as it may be retried: its journal keeps it exactly
        // once. BullMQ's default (1) fails a job for good, silently, when
        // the worker running it dies a second time (seen in a broadcast's
        // emails through two SIGKILLs).
        maxStalledCount: this.policy.attempts,
        settings: { backoffStrategy: (attemptsMade: number) => backoffDelay(this.policy, attemptsMade) },
      }
    )
    this.logConnectionErrors(this.worker_)
    // a job whose lock lapsed runs again: after a crash that is the takeover;
    // in a live process it means the event loop or Redis stalled longer than
    // `deliveryLockMs`, and an email of the job may go out twice
    this.worker_.on("stalled", (jobId) => {
      this.logger.warn(`affiliate messaging: job ${jobId} stalled (its lock lapsed); running it again`)
    })
    this.worker_.on("failed", (job, error) => {
      if (job && (job.attemptsMade >= this.policy.attempts || error.message === STALLED_TOO_OFTEN)) {
        this.logger.error(
          `affiliate messaging: job ${job.id} failed for good after ${job.attemptsMade} attempts: ${error.message}`
        )
      }
    })
    await this.worker_.waitUntilReady()
  }

  /** The job's journal from its log: one line per run, one per finished key. */
  protected async journalOf(job: Job): Promise<JobJournal> {
    const { logs } = await this.queue_.getJobLogs(job.id!)
    const done = new Set(logs.filter((line) => line.startsWith(DONE_PREFIX)).map((line) => line.slice(DONE_PREFIX.length)))
    const run = logs.filter((line) => line === RUN_LINE).length + 1
    await job.log(RUN_LINE)
    return {
      run,
      has: (key) => done.has(key),
      record: async (key) => {
        done.add(key)
        await job.log(`${DONE_PREFIX}${key}`)
      },
    }
  }

  async close() {
    await this.worker_?.close()
    await this.queue_.close()
    await Promise.all(this.connections_.map((connection) => connection.quit().catch(() => undefined)))
  }
}
