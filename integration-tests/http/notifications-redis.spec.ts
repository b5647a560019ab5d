import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import IORedis from "ioredis"
import { notificationScenarios } from "../helpers/notification-scenarios"
import { redisAnswers, TEST_REDIS_URL } from "../helpers/redis"
import { SmtpSink } from "../helpers/smtp-sink"

jest.setTimeout(180_000)

/** The same scenarios with the delivery queue on BullMQ in a real Redis (`REDIS_URL`). */
const queueName = `affmsg-test-${process.pid}-${Date.now()}`
const reachable = redisAnswers()
if (!reachable) {
  console.warn(`[notifications-redis] skipped: no Redis answers at ${TEST_REDIS_URL} (set REDIS_URL)`)
}

const sink = new SmtpSink()
beforeAll(async () => {
  await sink.start()
  process.env.SMTP_URL = sink.url
  process.env.AFFILIATE_QUEUE_REDIS_URL = TEST_REDIS_URL
  process.env.AFFILIATE_QUEUE_NAME = queueName
})
afterAll(async () => {
  await sink.stop()
  delete process.env.SMTP_URL
  delete process.env.AFFILIATE_QUEUE_REDIS_URL
  delete process.env.AFFILIATE_QUEUE_NAME
  if (reachable) {
    // the queue's keys go with the suite
    const redis = new IORedis(TEST_REDIS_URL)
    const keys = await redis.keys(`bull:${queueName}:*`)
    if (keys.length) {
      await redis.del(...keys)
    }
    await redis.quit()
  }
})

;(reachable ? describe : describe.skip)("email notifications (BullMQ on Redis)", () => {
  medusaIntegrationTestRunner({
    testSuite: ({ api, getContainer }) => {
      it("uses the Redis queue", async () => {
        const redis = new IORedis(TEST_REDIS_URL)
        await new Promise((resolve) => setTimeout(resolve, 6_000))
        expect((await redis.keys(`bull:${queueName}:*`)).length).toBeGreaterThan(0)
        await redis.quit()
      })
      notificationScenarios(
        () => sink,
        () => ({ api, container: getContainer() })
      )
    },
  })
})
