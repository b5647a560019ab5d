import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import IORedis from "ioredis"
import { httpClient } from "../helpers/http-client"
import { notificationScenarios } from "../helpers/notification-scenarios"
import { createProgram } from "../helpers/program"
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
      it("queues invite emails with the invite id only: no token, no accept_url in Redis", async () => {
        const http = httpClient(api)
        const program = await createProgram(http, getContainer())
        const team = await program.team("Queue Co", "quinn@queue.test")
        const created = await http.post(`/admin/affiliates/${team.affiliate_id}/invites`, { email: "joiner@queue.test" }, program.admin.headers)
        expect(created.status).toBe(200)
        const { id, accept_url } = created.data.invite
        const token = new URL(accept_url).searchParams.get("token")!
        expect(token.length).toBeGreaterThan(20)

        const redis = new IORedis(TEST_REDIS_URL)
        const job = await redis.hgetall(`bull:${queueName}:invite-${id}`)
        await redis.quit()
        expect(JSON.parse(job.data)).toEqual({ id: `invite-${id}`, workflow: "deliver-affiliate-invite", input: { invite_id: id } })
        // nothing about the job holds the secret, in any encoding
        const stored = JSON.stringify(job)
        for (const secret of [token, encodeURIComponent(token), "accept_url", "token="]) {
          expect(stored).not.toContain(secret)
        }
        // the email still has the link, derived when it was rendered
        const [email] = await sink.waitFor((e) => e.to.includes("joiner@queue.test"), 1, { settleMs: 0 })
        expect(email.text).toContain(accept_url)
      })
      it("emails a message's first batch from the job that found its recipients: no second job, its journal holds the email", async () => {
        const http = httpClient(api)
        const program = await createProgram(http, getContainer())
        const team = await program.team("Inline Co", "ines@inline.test")
        const sent = await http.post("/admin/conversations", { affiliate_id: team.affiliate_id, body: "Inline hello" }, program.admin.headers)
        expect(sent.status).toBe(201)
        const messageId = sent.data.message.id
        await sink.waitFor((e) => e.text.includes("Inline hello"), 1, { settleMs: 0 })

        const redis = new IORedis(TEST_REDIS_URL)
        const batchJob = await redis.exists(`bull:${queueName}:notify-${messageId}-batch-0`)
        const journal = await redis.lrange(`bull:${queueName}:recipients-${messageId}:logs`, 0, -1)
        await redis.quit()
        expect(batchJob).toBe(0)
        // one run, one email recorded as the SMTP server took it (see utils/sent-receipts)
        expect(journal).toEqual(["run", `done <notify-${messageId}-${team.member_id}@affiliate-messaging>`])
      })
      // its own block: the scenarios' beforeEach makes the admin the test above makes itself
      describe("scenarios", () => {
        notificationScenarios(
          () => sink,
          () => ({ api, container: getContainer() })
        )
      })
    },
  })
})
