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

export type JobHandler = (job: DeliveryJob) => Promise<void>

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
