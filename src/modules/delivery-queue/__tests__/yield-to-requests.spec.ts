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

  /**
   * A consumer with `deliveryYieldMs` = `yieldMs`, and a request held in
   * flight until `answer()`. Times are Date.now() values.
   */
  async function consumeWhileBusy(yieldMs: number) {
    service = new DeliveryQueueService({ logger }, { ...options, deliveryYieldMs: yieldMs })
    const started = new Map<string, number>()
    void service.startConsuming(async (job) => {
      started.set(job.id, Date.now())
    })
    const answered = fetch(server.url)
    await until(() => requestsInFlight.count === 1)
    return {
      queue: async (id: string) => {
        const queuedAt = Date.now()
        await service.enqueue([{ id, workflow: "test", input: {} }])
        return queuedAt
      },
      startOf: async (id: string) => {
        await until(() => started.has(id))
        return started.get(id)!
      },
      hasStarted: (id: string) => started.has(id),
      answer: async () => {
        const answeredAt = Date.now()
        server.answerAll()
        await answered
        return answeredAt
      },
    }
  }

  it("a job queued while a request is answered starts when it is answered", async () => {
    const busy = await consumeWhileBusy(5_000)
    await busy.queue("yield-1")
    await sleep(700)
    expect(busy.hasStarted("yield-1")).toBe(false)
    const answeredAt = await busy.answer()
    expect((await busy.startOf("yield-1")) - answeredAt).toBeLessThan(500)
  })

  it("under constant traffic a job starts after deliveryYieldMs at the latest; with none in flight at once", async () => {
    const busy = await consumeWhileBusy(800)
    const queuedAt = await busy.queue("yield-2")
    const waited = (await busy.startOf("yield-2")) - queuedAt
    expect(waited).toBeGreaterThanOrEqual(750)
    expect(waited).toBeLessThan(3_000)

    await busy.answer()
    const idleAt = await busy.queue("yield-3")
    expect((await busy.startOf("yield-3")) - idleAt).toBeLessThan(500)
  })

  it("deliveryYieldMs 0: jobs start at once whatever is in flight", async () => {
    const busy = await consumeWhileBusy(0)
    const queuedAt = await busy.queue("yield-4")
    expect((await busy.startOf("yield-4")) - queuedAt).toBeLessThan(500)
    await busy.answer()
  })
})
