import IORedis from "ioredis"
import { RateLimiterRes } from "rate-limiter-flexible"
import { RedisServer } from "../../../../../integration-tests/helpers/redis-server"
import { RedisLimiterWithLocalCount } from "../redis-limiter-with-local-count"

jest.setTimeout(60_000)

// A real redis-server of the test's own: CLIENT PAUSE makes every command
// time out the way a busy event loop or a stalled Redis does in production.
const redis = new RedisServer()
const clients: IORedis[] = []

beforeAll(() => redis.start())
afterAll(async () => {
  clients.forEach((client) => client.disconnect())
  await redis.remove()
})

/** One server process's limiter: its own connection, options as the plugin's (short command timeout, no offline queue). */
async function processLimiter(keyPrefix: string, points = 3) {
  const client = new IORedis(redis.url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, commandTimeout: 500, lazyConnect: true })
  client.on("error", () => {})
  clients.push(client)
  await client.connect()
  return new RedisLimiterWithLocalCount({ storeClient: client, points, duration: 60, keyPrefix, rejectIfRedisNotReady: true })
}

const outcome = (attempt: Promise<RateLimiterRes>) =>
  attempt.then(
    () => "allowed",
    (res) => (res instanceof RateLimiterRes ? `refused, ${Math.ceil(res.msBeforeNext / 1000)} s` : `failed: ${res?.message}`)
  )

/**
 * Runs `during` while Redis answers no client (each command times out
 * after 500 ms); `during` makes at most 2 commands. The pause then runs
 * out: an UNPAUSE would wait for it like any other command.
 */
async function whileRedisIsSilent<T>(during: () => Promise<T>): Promise<T> {
  const admin = redis.client()
  try {
    await admin.call("CLIENT", "PAUSE", "1500", "ALL")
    return await during()
  } finally {
    await admin.ping()
    admin.disconnect()
  }
}

describe("RedisLimiterWithLocalCount", () => {
  it("refuses a caller who used up the budget in Redis when Redis then stops answering", async () => {
    const limiter = await processLimiter("spent")
    for (let i = 0; i < 3; i++) {
      await limiter.consume("member_1")
    }
    // rate-limiter-flexible's insurance limiter would start from zero here and allow it
    const fourth = await whileRedisIsSilent(() => outcome(limiter.consume("member_1")))
    expect(fourth).toMatch(/^refused, ([1-9]|[1-5][0-9]|60) s$/)
    // another caller's budget is untouched by the outage
    expect(await whileRedisIsSilent(() => outcome(limiter.consume("member_2")))).toBe("allowed")
  })

  it("counts in Redis across processes while it answers; during an outage each process answers with its own count", async () => {
    const [a, b] = [await processLimiter("shared"), await processLimiter("shared")]
    await a.consume("admin_1")
    await a.consume("admin_1")
    await b.consume("admin_1")
    // process b has seen one request; Redis has seen three
    expect(await outcome(b.consume("admin_1"))).toMatch(/^refused/)
    // looser than Redis, never stricter: b's own count is 2 of 3
    expect(await whileRedisIsSilent(() => outcome(b.consume("admin_1")))).toBe("allowed")
  })

  it("gives rewarded points back in both counts", async () => {
    const limiter = await processLimiter("rewarded")
    for (let i = 0; i < 3; i++) {
      await limiter.consume("member_1")
    }
    await limiter.reward("member_1", 1)
    const client = redis.client()
    expect(Number(await client.get("rewarded:member_1"))).toBe(2)
    client.disconnect()
    const [third, fourth] = await whileRedisIsSilent(async () => [
      await outcome(limiter.consume("member_1")),
      await outcome(limiter.consume("member_1")),
    ])
    expect(third).toBe("allowed")
    expect(fourth).toMatch(/^refused/)
  })
})
