/** A unit of durable work: run workflow `workflow` with `input`, once per `id`. */
export type DeliveryJob = {
  /** Idempotency key: a second job with the same id is ignored. */
  id: string
  workflow: string
  input: Record<string, unknown>
  /** ISO time of the first run; now when absent. */
  run_at?: string
}

/** How long until a job's first run. */
export const delayOf = (job: DeliveryJob, now = Date.now()) =>
  job.run_at ? Math.max(0, new Date(job.run_at).getTime() - now) : 0

export type RetryPolicy = {
  attempts: number
  backoff_ms: number
  max_backoff_ms: number
}

/**
 * What a job keeps across its runs (attempts, and takeovers after a worker
 * died): how many times it started, and the keys of the work it finished.
 * Kept with the job (its log in Redis with BullMQ), so a retry skips what
 * an earlier run did even when that run never reported back.
 */
export type JobJournal = {
  /** This run's number, 1 for the job's first. */
  run: number
  /** Whether any run of this job recorded `key`. */
  has(key: string): boolean
  /** Records `key` for this run and every later one. */
  record(key: string): Promise<void>
}

export type JobHandler = (job: DeliveryJob, journal: JobJournal) => Promise<void>

export interface QueueDriver {
  add(jobs: DeliveryJob[]): Promise<void>
  remove(ids: string[]): Promise<void>
  start(handler: JobHandler): Promise<void>
  close(): Promise<void>
}

/** Exponential backoff: base, 2×base, 4×base, … capped. */
export function backoffDelay(policy: RetryPolicy, attemptsMade: number): number {
  return Math.min(policy.backoff_ms * 2 ** Math.max(attemptsMade - 1, 0), policy.max_backoff_ms)
}
