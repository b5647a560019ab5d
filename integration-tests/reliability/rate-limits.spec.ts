import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createAdmin, signUpAffiliate } from "../helpers/actors"
import { FIXTURES } from "../helpers/fixtures"
import { fetchUpload, uploadMultipart } from "../helpers/multipart"
import { countRows, pluginTables } from "../helpers/db"
import { httpClient, HttpClient, HttpResult } from "../helpers/http-client"
import { createProgram } from "../helpers/program"
import { RedisServer } from "../helpers/redis-server"
import { SmtpSink } from "../helpers/smtp-sink"

jest.setTimeout(180_000)

// medusa-config.ts reads these when the runner boots the app, once per test
// file: that is why the low limit has its own suite and the hostile-input
// corpus runs with the generous default. The Redis is the suite's own, so it
// can be silenced; with it the limiter is the cross-process one
// (RateLimiterRedis), and the delivery queue lives there too. LIMIT is
// every per-minute limit: messages and upload requests, both sides.
// Pending affiliates may upload here (allowPendingUploads).
const LIMIT = 3
const MB = 1024 * 1024
const redis = new RedisServer()
const sink = new SmtpSink()
const ENV = ["SMTP_URL", "AFFILIATE_RATE_LIMIT_PER_MINUTE", "AFFILIATE_QUEUE_REDIS_URL", "AFFILIATE_ALLOW_PENDING_UPLOADS"]

beforeAll(async () => {
  await Promise.all([sink.start(), redis.start()])
  process.env.SMTP_URL = sink.url
  process.env.AFFILIATE_RATE_LIMIT_PER_MINUTE = String(LIMIT)
  process.env.AFFILIATE_QUEUE_REDIS_URL = redis.url
  process.env.AFFILIATE_ALLOW_PENDING_UPLOADS = "true"
})
afterAll(async () => {
  await Promise.all([sink.stop(), redis.remove()])
  for (const name of ENV) {
    delete process.env[name]
  }
})

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    let http: HttpClient
    let program: Awaited<ReturnType<typeof createProgram>>

    beforeEach(async () => {
      http = httpClient(api)
      program = await createProgram(http, getContainer())
    })

    /** The refused send: 429, whole seconds in Retry-After and in the message, nothing written. */
    async function expectThrottled(send: () => Promise<HttpResult>) {
      const tables = await pluginTables(dbConnection)
      const before = await countRows(dbConnection, tables)
      const res = await send()
      expect(res.status).toBe(429)
      const retryAfter = Number(res.headers["retry-after"])
      expect(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60).toBe(true)
      expect(res.data).toEqual({ type: "rate_limited", message: `Too many messages: try again in ${retryAfter} seconds` })
      expect(await countRows(dbConnection, tables)).toEqual(before)
      return retryAfter
    }

    /** The limiter's count for a sender, read from Redis, where every server process reads it too. */
    async function countInRedis(side: "owner" | "member", id: string, family = "send-rate") {
      const client = redis.client()
      try {
        const key = `affmsg:${family}:${side}:${id}`
        return { count: Number(await client.get(key)), ttlMs: await client.pttl(key) }
      } finally {
        client.disconnect()
      }
    }

    it("gives each member 3 sends a minute over both send routes; the 4th is 429; a teammate is not affected", async () => {
      const team = await program.team("Limit Co", "lee@limit.test")
      const mate = await program.member(team.affiliate_id, "max@limit.test")

      const first = await http.post("/store/affiliates/me/conversations", { body: "one" }, team.headers)
      expect(first.status).toBe(201)
      const thread = `/store/affiliates/me/conversations/${first.data.conversation.id}/messages`
      expect((await http.post(thread, { body: "two" }, team.headers)).status).toBe(200)
      expect((await http.post("/store/affiliates/me/conversations", { body: "three" }, team.headers)).status).toBe(200)

      const started = Date.now()
      const retryAfter = await expectThrottled(() => http.post(thread, { body: "four" }, team.headers))
      // counted before the body is even validated
      await expectThrottled(() => http.post("/store/affiliates/me/conversations", { body: 42 }, team.headers))
      expect((await http.get(thread, team.headers)).data.count).toBe(3)

      expect((await http.post(thread, { body: "from the teammate" }, mate.headers)).status).toBe(200)
      expect((await http.post(`/admin/conversations/${first.data.conversation.id}/messages`, { body: "owner" }, program.admin.headers)).status).toBe(200)

      const { count, ttlMs } = await countInRedis("member", team.member_id)
      expect(count).toBe(LIMIT + 2)
      expect(ttlMs).toBeGreaterThan(0)
      expect(ttlMs).toBeLessThanOrEqual(60_000)
      console.log(
        `[reliability] rate limits: member ${LIMIT}/min counted in Redis, 4th send 429 with Retry-After ${retryAfter} s ` +
          `(${Date.now() - started} ms), nothing written; teammate and owner unaffected`
      )
    })

    it("gives each admin 3 sends a minute over New Message and replies; another admin is not affected", async () => {
      const team = await program.team("Owner Limit Co", "olga@limit.test")
      const other = await createAdmin(http, getContainer(), "second-admin@limit.test")
      const newMessage = (headers: Record<string, string>, body: string) =>
        http.post("/admin/conversations", { affiliate_id: team.affiliate_id, body }, headers)

      const first = await newMessage(program.admin.headers, "one")
      expect(first.status).toBe(201)
      const reply = `/admin/conversations/${first.data.conversation.id}/messages`
      expect((await http.post(reply, { body: "two" }, program.admin.headers)).status).toBe(200)
      expect((await newMessage(program.admin.headers, "three")).status).toBe(200)

      const retryAfter = await expectThrottled(() => http.post(reply, { body: "four" }, program.admin.headers))
      await expectThrottled(() => newMessage(program.admin.headers, "five"))

      expect((await newMessage(other.headers, "from another admin")).status).toBe(200)
      expect((await http.post("/store/affiliates/me/conversations", { body: "member" }, team.headers)).status).toBe(200)
      expect((await countInRedis("owner", program.admin.user.id)).count).toBe(LIMIT + 2)
      console.log(`[reliability] rate limits: admin ${LIMIT}/min, 4th send 429 with Retry-After ${retryAfter} s; other admin and members unaffected`)
    })

    it("keeps answering sends while its Redis does not answer: never a 500, the limit held in process memory", async () => {
      const team = await program.team("Outage Co", "otto@outage.test")
      // a Redis that accepts connections but answers nothing: every limiter
      // command times out. (Stopping the server instead also works for the
      // limiter, but the app's delivery queue on the same Redis then
      // sometimes keeps its shutdown from finishing: not this suite's subject.)
      const admin = redis.client()
      await admin.call("CLIENT", "PAUSE", "10000", "ALL")
      try {
        const started = Date.now()
        const statuses: number[] = []
        for (const body of ["uno", "dos", "tres"]) {
          statuses.push((await http.post("/store/affiliates/me/conversations", { body }, team.headers)).status)
        }
        expect(statuses).toEqual([201, 200, 200])
        await expectThrottled(() => http.post("/store/affiliates/me/conversations", { body: "cuatro" }, team.headers))
        // each send waits for the limiter's command timeout (500 ms), not for Redis to come back
        const elapsed = Date.now() - started
        expect(elapsed).toBeLessThan(8_000)
        console.log(
          `[reliability] rate limits with Redis not answering: sends answered ${statuses.join(", ")}, then 429 ` +
            `from the in-memory insurance limiter (4 sends in ${elapsed} ms)`
        )
      } finally {
        await admin.call("CLIENT", "UNPAUSE")
        admin.disconnect()
      }
    })

    it("gives each uploader 3 upload requests a minute (a pending affiliate may upload with allowPendingUploads); the 4th is 429 even while 300 MB are still coming, 20 times in a row", async () => {
      const pending = await signUpAffiliate(http, program.publishableKey, { name: "Early Co", email: "eli@early.test" })
      expect(pending.affiliate.status).toBe("pending")
      const baseUrl = api.defaults.baseURL!
      const memberUpload = () =>
        uploadMultipart(`${baseUrl}/store/affiliates/me/attachments`, pending.headers, [{ filename: "a.png", content: FIXTURES.png }])
      for (let i = 0; i < LIMIT; i++) {
        expect((await memberUpload()).status).toBe(200)
      }
      const tables = await pluginTables(dbConnection)
      const before = await countRows(dbConnection, tables)
      const statuses: (number | string)[] = []
      let sentMb = 0
      for (let i = 0; i < 20; i++) {
        const res = await fetchUpload(`${baseUrl}/store/affiliates/me/attachments`, pending.headers, {
          filename: "huge.pdf",
          head: FIXTURES.pdf,
          size: 300 * MB,
        })
        statuses.push(res.status)
        sentMb = Math.max(sentMb, res.sent / MB)
        if (res.status === 429) {
          const retryAfter = Number(res.headers["retry-after"])
          expect(retryAfter >= 1 && retryAfter <= 60).toBe(true)
          expect(res.data).toEqual({ type: "rate_limited", message: `Too many uploads: try again in ${retryAfter} seconds` })
        }
      }
      expect(statuses).toEqual(Array(20).fill(429))
      expect(await countRows(dbConnection, tables)).toEqual(before)
      expect((await countInRedis("member", pending.member.id, "upload-rate")).count).toBe(LIMIT + 20)
      // sends are another budget
      expect((await http.post("/store/affiliates/me/conversations", { body: "still here" }, pending.headers)).status).toBe(201)

      const adminUpload = () =>
        uploadMultipart(`${baseUrl}/admin/messaging/attachments`, program.admin.headers, [{ filename: "a.png", content: FIXTURES.png }])
      for (let i = 0; i < LIMIT; i++) {
        expect((await adminUpload()).status).toBe(200)
      }
      expect((await adminUpload()).status).toBe(429)
      console.log(
        `[reliability] upload rate limits: ${LIMIT} upload requests/min per uploader (member of a pending affiliate, admin); ` +
          `20 × 429 to 300 MB bodies at full speed, all read by the client (it had sent at most ${sentMb.toFixed(1)} MB)`
      )
    })
  },
})
