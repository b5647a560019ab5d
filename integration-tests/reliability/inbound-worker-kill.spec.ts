import { randomUUID } from "crypto"
import { sql } from "../helpers/medusa-process"
import { RedisServer } from "../helpers/redis-server"
import { ScaleStore } from "../helpers/scale-host"
import { SmtpSink } from "../helpers/smtp-sink"

jest.setTimeout(600_000)

/**
 * Reply by email across separate processes: the HTTP server (workerMode
 * server) stores each email the webhook takes and queues it; a worker
 * parses and posts it from the queue, one at a time. The worker is
 * SIGKILLed mid-ingestion and another takes over from the stored raw
 * emails: every stored email ends posted exactly once.
 */
const MEMBERS = 10
const EMAILS_PER_MEMBER = 10
const SECRET = `inbound-${randomUUID()}`

describe("a worker killed mid-ingestion", () => {
  const sink = new SmtpSink()
  const redis = new RedisServer()
  let store: ScaleStore | undefined

  beforeAll(async () => {
    store = await ScaleStore.createWithOwnServices("inkill", { sink, redis }, {
      AFFILIATE_INBOUND_SECRET: SECRET,
      // one job at a time, and a dead worker's job is taken over after 3 s
      AFFILIATE_DELIVERY_CONCURRENCY: "1",
      AFFILIATE_DELIVERY_LOCK_MS: "3000",
    })
  }, 600_000)

  afterAll(async () => {
    await ScaleStore.stopWithOwnServices(store, { sink, redis })
  })

  it("posts every stored email exactly once after the worker dies", async () => {
    const [server, workerA] = await Promise.all([store!.start("server"), store!.start("worker")])
    const program = await store!.connect(server)
    const members: { email: string; conversation_id: string }[] = []
    for (let i = 0; i < MEMBERS; i++) {
      const email = `m${i}@inkill.test`
      const team = await program.activeTeam(`Inkill ${i}`, email)
      const started = await program.adminWrites(team.affiliate_id, `Hello ${i}`)
      members.push({ email, conversation_id: started.conversation.id })
    }
    // each member's notification carries its own Reply-To
    const notifications = await sink.waitFor((e) => /@inkill\.test/.test(e.to.join(",")) && /Hello \d/.test(e.text), MEMBERS, {
      timeoutMs: 60_000,
    })
    const replyTo = new Map(notifications.map((e) => [e.to.find((to) => to.endsWith("@inkill.test"))!, e.raw.replyTo!.value[0].address!]))

    const statuses = await Promise.all(
      members.flatMap((m) =>
        Array.from({ length: EMAILS_PER_MEMBER }, async (_, n) => {
          const raw = `From: ${m.email}\r\nTo: ${replyTo.get(m.email)}\r\nSubject: Re: Hello\r\nMessage-ID: <${randomUUID()}@inkill.test>\r\n\r\nKill reply ${n} from ${m.email}\r\n`
          const res = await fetch(`${server.url}/hooks/affiliate-messaging/email`, {
            method: "POST",
            headers: { authorization: `Bearer ${SECRET}`, "content-type": "message/rfc822" },
            body: raw,
          })
          return (await res.json()).status
        })
      )
    )
    expect(statuses.filter((status) => status !== "received")).toEqual([])

    const countPosted = async () =>
      Number((await sql(store!.database.name, "select count(*) from affiliate_message where source = 'email'"))[0].count)
    const deadline = Date.now() + 60_000
    while ((await countPosted()) < 10 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    workerA.process.kill("SIGKILL")
    const postedBeforeKill = await countPosted()
    expect(postedBeforeKill).toBeLessThan(MEMBERS * EMAILS_PER_MEMBER)

    await store!.start("worker")
    const total = MEMBERS * EMAILS_PER_MEMBER
    const finish = Date.now() + 180_000
    while ((await countPosted()) < total && Date.now() < finish) {
      await new Promise((resolve) => setTimeout(resolve, 200))
    }
    // a little more, to catch a job run twice
    await new Promise((resolve) => setTimeout(resolve, 3_000))
    const rows = await sql(
      store!.database.name,
      "select conversation_id, body from affiliate_message where source = 'email' order by conversation_id, body"
    )
    for (const m of members) {
      expect(rows.filter((row) => row.conversation_id === m.conversation_id).map((row) => row.body).sort()).toEqual(
        Array.from({ length: EMAILS_PER_MEMBER }, (_, n) => `Kill reply ${n} from ${m.email}`).sort()
      )
    }
    const inbound = await sql(store!.database.name, "select status, count(*) from affiliate_inbound_email group by status")
    expect(inbound).toEqual([{ status: "posted", count: String(total) }])
    console.log(
      `[reliability] faults survived: worker SIGKILLed mid-ingestion after ${postedBeforeKill} of ${total} emails posted; ` +
        `a new worker took over from the stored raw emails: ${rows.length} messages, each exactly once`
    )
  })
})
