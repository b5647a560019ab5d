import http from "http"
import IORedis from "ioredis"
import type { AddressInfo } from "net"
import { requestsInFlight } from "../../../utils/requests-in-flight"
import DeliveryQueueService from "../service"

jest.setTimeout(30_000)

const logger = { info: () => undefined, warn: () => undefined, error: () => undefined } as any
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** A real server whose one route is counted as the plugin's middleware counts it and answers when told. */
async function slowServer() {
  const pending: (() => void)[] = []
  const server = http.createServer((_req, res) => {
    requestsInFlight.track(res)
    pending.push(() => res.end("ok"))
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    answerAll: () => pending.splice(0).forEach((answer) => answer()),
    close: () => new Promise((resolve) => server.close(resolve)),
  }
}

/** When each job's handler started, in ms since `since`. */
function startTimes(service: DeliveryQueueService, since: () => number) {
  const started = new Map<string, number>()
  void service.startConsuming(async (job) => {
    started.set(job.id, since())
  })
  return started
}

async function until(check: () => boolean, timeoutMs = 10_000) {
  const started = Date.now()
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error("timed out")
    await sleep(10)
  }
}

const drivers: [string, () => { redisUrl?: string; deliveryQueueName?: string }][] = [
  ["in memory", () => ({})],
  ...(process.env.REDIS_URL
    ? [["on Redis (BullMQ)", () => ({ redisUrl: process.env.REDIS_URL, deliveryQueueName: `affmsg-yield-${process.pid}-${Date.now()}` })] as [string, () => { redisUrl?: string; deliveryQueueName?: string }]]
    : []),
]

describe.each(drivers)("delivery jobs yield to the requests in flight (%s)", (_name, queueOptions) => {
  let service: DeliveryQueueService
  let server: Awaited<ReturnType<typeof slowServer>>
  let options: ReturnType<typeof queueOptions>
  beforeEach(async () => {
    options = queueOptions()
    server = await slowServer()
  })
  afterEach(async () => {
    server.answerAll()
    await service.__hooks.onApplicationShutdown()
    await server.close()
    if (options.redisUrl) {
      const redis = new IORedis(options.redisUrl)
      const keys = await redis.keys(`bull:${options.deliveryQueueName}:*`)
      if (keys.length) await redis.del(...keys)
      await redis.quit()
    }
  })

  it("a job queued while a request is answered starts when it is answered", async () => {
    service = new DeliveryQueueService({ logger }, { ...options, deliveryYieldMs: 5_000 })
    const t0 = Date.now()
    const started = startTimes(service, () => Date.now() - t0)
    const answered = fetch(server.url)
    await until(() => requestsInFlight.count === 1)
    await service.enqueue([{ id: "yield-1", workflow: "test", input: {} }])
    await sleep(700)
    expect(started.has("yield-1")).toBe(false)

    const answeredAt = Date.now() - t0
    server.answerAll()
    await answered
    await until(() => started.has("yield-1"))
    expect(started.get("yield-1")! - answeredAt).toBeLessThan(500)
  })

  it("under constant traffic a job starts after deliveryYieldMs at the latest; with none in flight at once", async () => {
    service = new DeliveryQueueService({ logger }, { ...options, deliveryYieldMs: 800 })
    const t0 = Date.now()
    const started = startTimes(service, () => Date.now() - t0)
    const answered = fetch(server.url)
    await until(() => requestsInFlight.count === 1)
    const queuedAt = Date.now() - t0
    await service.enqueue([{ id: "yield-2", workflow: "test", input: {} }])
    await until(() => started.has("yield-2"))
    const waited = started.get("yield-2")! - queuedAt
    expect(waited).toBeGreaterThanOrEqual(750)
    expect(waited).toBeLessThan(3_000)

    server.answerAll()
    await answered
    const idleAt = Date.now() - t0
    await service.enqueue([{ id: "yield-3", workflow: "test", input: {} }])
    await until(() => started.has("yield-3"))
    expect(started.get("yield-3")! - idleAt).toBeLessThan(500)
  })

  it("deliveryYieldMs 0: jobs start at once whatever is in flight", async () => {
    service = new DeliveryQueueService({ logger }, { ...options, deliveryYieldMs: 0 })
    const t0 = Date.now()
    const started = startTimes(service, () => Date.now() - t0)
    const answered = fetch(server.url)
    await until(() => requestsInFlight.count === 1)
    const queuedAt = Date.now() - t0
    await service.enqueue([{ id: "yield-4", workflow: "test", input: {} }])
    await until(() => started.has("yield-4"))
    expect(started.get("yield-4")! - queuedAt).toBeLessThan(500)
    server.answerAll()
    await answered
  })
})
