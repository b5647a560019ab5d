import { Queue } from "bullmq"
import { sql } from "../helpers/medusa-process"
import { RedisServer } from "../helpers/redis-server"
import { ScaleProcess, ScaleStore } from "../helpers/scale-host"
import {
  affiliateLoop,
  countStatuses,
  mapLimit,
  ownerLoop,
  reconcile,
  runSenderLoops,
  storedMessages,
} from "../helpers/sender-loops"
import { ReceivedEmail, SmtpSink } from "../helpers/smtp-sink"
import type { MemberSession, StoreProgram } from "../helpers/store-affiliate"

jest.setTimeout(300_000)

/**
 * Faults against one production server (shared mode: HTTP and email
 * delivery) whose delivery queue lives in a Redis the test owns. The
 * fourth fault, a worker SIGKILLed mid-batch, is worker-kill.spec.ts.
 */
const TEAMS = 10
const QUEUE = "affiliate-messaging-deliveries"

describe("faults against a production build", () => {
  const sink = new SmtpSink()
  const redis = new RedisServer()
  let store: ScaleStore | undefined
  let server: ScaleProcess
  let program: StoreProgram
  let teams: MemberSession[]

  beforeAll(async () => {
    store = await ScaleStore.createWithOwnServices("faults", { sink, redis }, {
      AFFILIATE_RATE_LIMIT_PER_MINUTE: "off",
    })
    server = await store.start("shared")
    program = await store.connect(server)
    teams = await mapLimit(
      Array.from({ length: TEAMS }, (_, i) => i),
      5,
      (i) => program.activeTeam(`Fault Partner ${i}`, `partner${i}@faults.test`)
    )
    // one email per message whichever side writes
    await program.request("POST", "/admin/messaging/settings", {
      headers: program.admin,
      body: { notification_emails: ["partners@faults.test"] },
    })
  }, 600_000)

  afterAll(async () => {
    await ScaleStore.stopWithOwnServices(store, { sink, redis })
  })

  const emailsAbout = (text: string) => (email: ReceivedEmail) => email.text.includes(text)

  it("Postgres connections cut mid-run: clean errors, nothing lost, the same server recovers", async () => {
    const pid = server.process.child.pid
    const started = Date.now()
    const cut = { from: 0, to: 0, terminated: 0 }
    const cutting = (async () => {
      await new Promise((resolve) => setTimeout(resolve, 3_000))
      cut.from = Date.now() - started
      // every backend of the app's database, again and again for 2 s: pooled
      // connections die whatever they were doing, new ones die young
      while (Date.now() - started < cut.from + 2_000) {
        const rows = await sql(
          "postgres",
          `select pg_terminate_backend(pid) from pg_stat_activity
            where datname = '${store!.database.name}' and pid <> pg_backend_pid()`
        )
        cut.terminated += rows.length
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
      cut.to = Date.now() - started
    })()
    const records = await runSenderLoops(
      [
        ...teams.map((t, i) => ownerLoop(`owner-${i}`, t.affiliate_id, program.admin)),
        ...teams.map((t, i) => affiliateLoop(`member-${i}`, t.headers)),
      ],
      { prefix: "cut", keepGoing: () => Date.now() - started < 12_000, baseUrl: () => server.url, timeoutMs: 30_000 }
    )
    await cutting

    const failed = records.filter((r) => !r.message_id)
    const statuses = countStatuses(records)
    // the cut was felt, every failure was an answer in JSON, none a hang
    expect(cut.terminated).toBeGreaterThan(0)
    expect(failed.length).toBeGreaterThan(0)
    expect(failed.filter((r) => r.status === 0 || !r.json)).toEqual([])

    const result = reconcile(records, await storedMessages(store!.database.name, "cut"))
    expect(result.lost).toEqual([])
    expect(result.duplicated).toEqual([])
    expect(result.outOfOrder).toEqual([])

    // no restart: the same process answers, and every loop's last send succeeded
    expect(server.process.alive).toBe(true)
    expect(server.process.child.pid).toBe(pid)
    const lastOfLoop = new Map(records.map((r) => [r.loop, r]))
    expect([...lastOfLoop.values()].filter((r) => !r.message_id)).toEqual([])
    const after = await program.request("POST", "/admin/conversations", {
      headers: program.admin,
      body: { affiliate_id: teams[0].affiliate_id, body: "cut after: answered" },
    })
    expect(after.status).toBe(200)
    const errors = [...new Set(failed.map((r) => r.status))].join(", ")
    console.log(
      `[reliability] faults survived: Postgres backends terminated ${cut.terminated} times from ${cut.from} to ${cut.to} ms: ` +
        `${failed.length} of ${records.length} sends answered a JSON error (${errors}), none hung; ` +
        `${result.acknowledged.length} acknowledged, 0 lost, 0 duplicated; ${result.unacknowledgedStored.length} stored although the answer was an error; ` +
        `the same server (pid ${pid}) answers 2xx again (answers: ${JSON.stringify(statuses)})`
    )

    // every acknowledged message still gets its email, once
    const ids = new Set(result.acknowledged.map((r) => r.message_id!))
    const emails = await sink.waitFor(emailsAbout("cut "), ids.size, { timeoutMs: 60_000, settleMs: 2_000 })
    const perMessage = countBy(emails.map((e) => e.messageId.match(/^<(msg_[^.]+)\./)![1]))
    expect([...ids].filter((id) => perMessage.get(id) !== 1).map((id) => `${id}: ${perMessage.get(id) ?? 0} emails`)).toEqual([])
  })

  it("Redis of the queue restarted while emails wait, SMTP down meanwhile: each email goes out once after recovery", async () => {
    const queue = new Queue(QUEUE, { connection: { host: "127.0.0.1", port: redis.port, maxRetriesPerRequest: null } })
    queue.on("error", () => {})
    const pending = async () => {
      const counts = await queue.getJobCounts("waiting", "active", "delayed")
      return counts.waiting + counts.active + counts.delayed
    }
    try {
      await sink.stop()
      const team = teams[1]
      for (let i = 0; i < 4; i++) {
        await program.adminWrites(team.affiliate_id, `Before restart ${i}`)
      }
      // queued and already tried against the dead SMTP server
      await waitUntil(async () => (await pending()) >= 4, "4 deliveries queued")

      await redis.stop()
      // written while the queue's Redis is away: the request does not wait for it
      for (let i = 0; i < 2; i++) {
        const sent = await program.request("POST", "/admin/conversations", {
          headers: program.admin,
          body: { affiliate_id: team.affiliate_id, body: `While Redis is down ${i}` },
          timeoutMs: 10_000,
        })
        expect(sent.status).toBe(200)
      }
      await new Promise((resolve) => setTimeout(resolve, 2_000))
      await redis.start()
      // the append-only file kept what was queued
      await waitUntil(async () => (await pending()) >= 6, "6 deliveries queued after the restart")
      expect(server.process.alive).toBe(true)

      await sink.start()
      const emails = await sink.waitFor(
        (e) => /Before restart|While Redis is down/.test(e.text),
        6,
        { timeoutMs: 60_000, settleMs: 3_000 }
      )
      const bodies = emails.map((e) => e.text.match(/(Before restart|While Redis is down) \d/)![0]).sort()
      expect(bodies).toEqual([
        "Before restart 0",
        "Before restart 1",
        "Before restart 2",
        "Before restart 3",
        "While Redis is down 0",
        "While Redis is down 1",
      ])
      console.log(
        `[reliability] faults survived: the queue's Redis restarted (AOF, noeviction) with 4 emails queued and 2 messages sent while it was down, ` +
          `SMTP down all along: ${emails.length} emails delivered exactly once after recovery`
      )
      console.log(
        `[reliability] faults survived: SMTP down → delivered after recovery (above; a 30 s outage on both queues: integration-tests/http/notifications*.spec.ts)`
      )
    } finally {
      await queue.close()
    }
  })
})

function countBy(keys: string[]) {
  const counts = new Map<string, number>()
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1)
  return counts
}

async function waitUntil(check: () => Promise<boolean>, what: string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`no ${what} within ${timeoutMs / 1000} s`)
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}
