import type { Logger } from "@medusajs/framework/types"
import { DeliveryJob, JobHandler, JobJournal, QueueDriver, RetryPolicy, backoffDelay, delayOf } from "../types"

type Entry = {
  job: DeliveryJob
  attemptsMade: number
  state: "waiting" | "active" | "done" | "failed"
  done: Set<string>
}

/** Finished job ids remembered for de-duplication; older ones are forgotten first. */
const REMEMBERED_JOBS = 50_000

/**
 * The queue without Redis (demo, quick tests): same idempotency by job id,
 * same retries with capped exponential backoff, same delays, but in this
 * process's memory: pending jobs do not survive a restart.
 */
export class InMemoryDriver implements QueueDriver {
  protected readonly entries_ = new Map<string, Entry>()
  protected readonly timers_ = new Map<string, NodeJS.Timeout>()
  protected handler_?: JobHandler

  constructor(protected readonly policy: RetryPolicy, protected readonly logger: Logger) {}

  async add(jobs: DeliveryJob[]) {
    for (const job of jobs) {
      if (this.entries_.has(job.id)) {
        continue
      }
      this.entries_.set(job.id, { job, attemptsMade: 0, state: "waiting", done: new Set() })
      this.schedule(job.id, delayOf(job))
    }
    this.forgetOldest()
  }

  async remove(ids: string[]) {
    for (const id of ids) {
      const entry = this.entries_.get(id)
      if (entry && entry.state === "waiting") {
        clearTimeout(this.timers_.get(id))
        this.timers_.delete(id)
        this.entries_.delete(id)
      }
    }
  }

  async start(handler: JobHandler) {
    this.handler_ = handler
    for (const [id, entry] of this.entries_) {
      if (entry.state === "waiting" && !this.timers_.has(id)) {
        this.schedule(id, 0)
      }
    }
  }

  async close() {
    for (const timer of this.timers_.values()) {
      clearTimeout(timer)
    }
    this.timers_.clear()
    this.handler_ = undefined
  }

  protected schedule(id: string, delayMs: number) {
    const timer = setTimeout(() => {
      this.timers_.delete(id)
      void this.run(id)
    }, delayMs)
    timer.unref?.()
    this.timers_.set(id, timer)
  }

  protected async run(id: string) {
    const entry = this.entries_.get(id)
    if (!entry || entry.state !== "waiting" || !this.handler_) {
      return
    }
    entry.state = "active"
    entry.attemptsMade += 1
    try {
      await this.handler_(entry.job, journalOf(entry))
      entry.state = "done"
      // a finished job runs no more: only its id is remembered
      entry.done.clear()
    } catch (error) {
      if (entry.attemptsMade >= this.policy.attempts) {
        entry.state = "failed"
        entry.done.clear()
        this.logger.error(
          `affiliate messaging: job ${id} failed for good after ${entry.attemptsMade} attempts: ${(error as Error).message}`
        )
        return
      }
      entry.state = "waiting"
      this.schedule(id, backoffDelay(this.policy, entry.attemptsMade))
    }
  }

  protected forgetOldest() {
    for (const [id, entry] of this.entries_) {
      if (this.entries_.size <= REMEMBERED_JOBS) {
        return
      }
      if (entry.state === "done" || entry.state === "failed") {
        this.entries_.delete(id)
      }
    }
  }
}

function journalOf(entry: Entry): JobJournal {
  return {
    run: entry.attemptsMade,
    has: (key) => entry.done.has(key),
    record: async (key) => {
      entry.done.add(key)
    },
  }
}
