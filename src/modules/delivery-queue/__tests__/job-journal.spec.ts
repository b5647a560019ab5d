import { Queue } from "bullmq"
import IORedis from "ioredis"
import { BullMqDriver } from "../drivers/bullmq"
import { InMemoryDriver } from "../drivers/in-memory"
import type { DeliveryJob, JobJournal, QueueDriver, RetryPolicy } from "../types"

jest.setTimeout(30_000)

const policy: RetryPolicy = { attempts: 3, backoff_ms: 50, max_backoff_ms: 50 }
const logger = { warn: () => undefined, error: () => undefined } as any
const job: DeliveryJob = { id: "journal-job-1", workflow: "test", input: {} }

/** Runs `job` until it succeeds; each run records one key, the first two then fail. */
async function runsSeenBy(driver: QueueDriver) {
  const runs: { run: number; seen: string[] }[] = []
  const finished = new Promise<void>((resolve) => {
    void driver.start(async (_job, journal: JobJournal) => {
      runs.push({ run: journal.run, seen: ["a", "b", "c"].filter((key) => journal.has(key)) })
      await journal.record(["a", "b", "c"][journal.run - 1])
      if (journal.run < 3) {
        throw new Error(`run ${journal.run} fails after recording`)
      }
      resolve()
    })
  })
  await driver.add([job])
  await finished
  return runs
}

const expectedRuns = [
  { run: 1, seen: [] },
  { run: 2, seen: ["a"] },
  { run: 3, seen: ["a", "b"] },
]

describe("a delivery job's journal", () => {
  it("in memory: counts the job's runs and keeps what each recorded for the next", async () => {
    const driver = new InMemoryDriver(policy, logger)
    try {
      expect(await runsSeenBy(driver)).toEqual(expectedRuns)
    } finally {
      await driver.close()
    }
  })

  const withRedis = process.env.REDIS_URL ? it : it.skip
  withRedis("on Redis: the same, kept in the job's BullMQ log where any worker reads it", async () => {
    const queueName = `journal-test-${process.pid}-${Date.now()}`
    const driver = new BullMqDriver(process.env.REDIS_URL!, queueName, policy, { concurrency: 1, lockMs: 5_000 }, logger)
    const connection = new IORedis(process.env.REDIS_URL!, { maxRetriesPerRequest: null })
    const queue = new Queue(queueName, { connection })
    try {
      expect(await runsSeenBy(driver)).toEqual(expectedRuns)
      const { logs } = await queue.getJobLogs(job.id)
      expect(logs).toEqual(["run", "done a", "run", "done b", "run", "done c"])
    } finally {
      await driver.close()
      await queue.obliterate({ force: true })
      await queue.close()
      await connection.quit()
    }
  })

  withRedis("on Redis: a job whose worker dies while running it, twice, runs on the third worker", async () => {
    const queueName = `stall-test-${process.pid}-${Date.now()}`
    const lockMs = 1_000
    const worker = () => new BullMqDriver(process.env.REDIS_URL!, queueName, policy, { concurrency: 1, lockMs }, logger)
    const drivers: BullMqDriver[] = []
    try {
      // two workers take the job and die with it (force-closed: no completion,
      // no lock renewal, the job left active, as after a SIGKILL)
      for (let death = 1; death <= 2; death++) {
        const driver = worker()
        drivers.push(driver)
        const started = new Promise<void>((resolve) => void driver.start(async () => {
          resolve()
          await new Promise(() => undefined)
        }))
        if (death === 1) await driver.add([job])
        await started
        await (driver as any).worker_.close(true)
      }
      const third = worker()
      drivers.push(third)
      const ran = await Promise.race([
        new Promise<JobJournal>((resolve) => void third.start(async (_job, journal) => resolve(journal))),
        new Promise<never>((_, reject) =>
          setTimeout(() => reject(new Error("the job never ran again: BullMQ failed it for stalling twice")), 10_000)
        ),
      ])
      // the third run of the job (BullMQ's default would have failed it instead)
      expect(ran.run).toBe(3)
    } finally {
      for (const driver of drivers) await driver.close().catch(() => undefined)
      const connection = new IORedis(process.env.REDIS_URL!, { maxRetriesPerRequest: null })
      const queue = new Queue(queueName, { connection })
      await queue.obliterate({ force: true })
      await queue.close()
      await connection.quit()
    }
  })
})
