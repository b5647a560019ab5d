import axios from "axios"
import { execFileSync } from "child_process"
import IORedis from "ioredis"
import path from "path"
import { bearer } from "../helpers/actors"
import { freePortSync } from "../helpers/ports"
import { httpClient } from "../helpers/http-client"
import {
  createMigratedDatabase,
  databaseUrl,
  dropDatabase,
  medusaBin,
  MedusaProcess,
} from "../helpers/medusa-process"
import { redisAnswers, TEST_REDIS_URL } from "../helpers/redis"
import { SmtpSink } from "../helpers/smtp-sink"

jest.setTimeout(300_000)

/**
 * Separate processes on one Postgres and one Redis, as a store scales: an
 * HTTP server (workerMode server) takes messages, a worker (workerMode
 * worker) sends the emails. The worker is SIGKILLed while an email is
 * in flight and another takes over: every email arrives, none twice.
 */
const reachable = redisAnswers()
if (!reachable) {
  console.warn(`[worker-kill] skipped: no Redis answers at ${TEST_REDIS_URL} (set REDIS_URL)`)
}

const root = path.resolve(__dirname, "../..")
const database = `affmsg_kill_${process.pid}`
const queueName = `affmsg-kill-${process.pid}-${Date.now()}`
const MESSAGES = 12

;(reachable ? describe : describe.skip)("a worker killed mid-delivery", () => {
  const sink = new SmtpSink({ ackDelayMs: 400 })
  const processes: MedusaProcess[] = []
  let env: NodeJS.ProcessEnv

  const start = (mode: "server" | "worker", port: number) => {
    const child = new MedusaProcess({ ...env, MEDUSA_WORKER_MODE: mode, PORT: String(port) })
    processes.push(child)
    return child
  }

  beforeAll(async () => {
    await sink.start()
    env = {
      ...process.env,
      NODE_OPTIONS: "",
      LOG_LEVEL: "info",
      MEDUSA_DISABLE_TELEMETRY: "true",
      DATABASE_URL: databaseUrl(database),
      SMTP_URL: sink.url,
      AFFILIATE_AUTO_APPROVE: "true",
      AFFILIATE_QUEUE_REDIS_URL: TEST_REDIS_URL,
      AFFILIATE_QUEUE_NAME: queueName,
      // one email in flight at a time, and a dead worker's job is taken over after 3 s
      AFFILIATE_DELIVERY_CONCURRENCY: "1",
      AFFILIATE_DELIVERY_LOCK_MS: "3000",
    }
    await createMigratedDatabase(database, env)
    execFileSync(medusaBin, ["user", "-e", "admin@kill.test", "-p", "kill-password"], { cwd: root, env, stdio: "pipe" })
  })

  afterAll(async () => {
    await Promise.all(processes.map((p) => p.stop()))
    await sink.stop()
    await dropDatabase(database)
    const redis = new IORedis(TEST_REDIS_URL)
    const keys = await redis.keys(`bull:${queueName}:*`)
    if (keys.length) await redis.del(...keys)
    await redis.quit()
  })

  it("delivers every email exactly once", async () => {
    const serverPort = freePortSync()
    const server = start("server", serverPort)
    const workerA = start("worker", freePortSync())
    await server.waitForLog(/Server is ready/)
    await workerA.waitForLog(/delivering emails from the redis queue/)
    expect(server.log).not.toMatch(/delivering emails/)

    const http = httpClient(axios.create({ baseURL: `http://localhost:${serverPort}` }))
    const login = await http.post("/auth/user/emailpass", { email: "admin@kill.test", password: "kill-password" })
    const admin = bearer(login.data.token)
    const key = await http.post("/admin/api-keys", { title: "Storefront", type: "publishable" }, admin)
    const pk = { "x-publishable-api-key": key.data.api_key.token }
    const registration = await http.post("/auth/affiliate/emailpass/register", { email: "kim@kill.test", password: "kill-password" })
    const signUp = await http.post("/store/affiliates", { name: "Kill Co", email: "kim@kill.test" }, { ...bearer(registration.data.token), ...pk })
    expect(signUp.status).toBe(200)

    for (let i = 0; i < MESSAGES; i++) {
      const res = await http.post("/admin/conversations", { affiliate_id: signUp.data.affiliate.id, body: `Batch message ${i}` }, admin)
      expect([200, 201]).toContain(res.status)
    }

    // kill the worker while an email waits for the server's acknowledgement
    const deadline = Date.now() + 60_000
    while (!(sink.emails.length >= 3 && sink.pending > 0) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    expect(sink.pending).toBeGreaterThan(0)
    workerA.kill("SIGKILL")
    const deliveredBeforeKill = sink.emails.length
    console.log(`[worker-kill] killed the worker after ${deliveredBeforeKill} of ${MESSAGES} emails, one in flight`)

    const workerB = start("worker", freePortSync())
    await workerB.waitForLog(/delivering emails from the redis queue/)
    const emails = await sink.waitFor((e) => e.text.includes("Batch message"), MESSAGES, { timeoutMs: 120_000, settleMs: 5_000 })
    const bodies = emails.map((e) => e.text.match(/Batch message \d+/)![0]).sort()
    expect(bodies).toEqual(Array.from({ length: MESSAGES }, (_, i) => `Batch message ${i}`).sort())
  })
})
