import fs from "fs"
import path from "path"
import { FIXTURES } from "../helpers/fixtures"
import { sql } from "../helpers/medusa-process"
import { uploadMultipart } from "../helpers/multipart"
import { RedisServer } from "../helpers/redis-server"
import { CONSUMING, ScaleProcess, ScaleStore } from "../helpers/scale-host"
import { SmtpSink } from "../helpers/smtp-sink"
import { AFFILIATE_PASSWORD, request } from "../helpers/store-affiliate"

jest.setTimeout(300_000)

/**
 * The README's production topology: two HTTP servers (workerMode server)
 * and one worker (workerMode worker) of the production build on one
 * database, with Medusa's event bus, workflow engine, cache and locking and
 * the plugin's delivery queue in one Redis. Every request of the messaging
 * scenario goes to the other server than the one before, as a load
 * balancer would send it.
 */
const PURGED_LOG = /purged (\d+) unsent attachments/g
const REDIS_MODULES = [
  /module 'event-bus-redis' established/,
  /Workflow-engine-redis\] Connection to Redis in module/,
  /module 'cache-redis' established/,
  /Connection to Redis in \W*locking-redis\W* provider established/,
]

describe("two servers and a worker", () => {
  const sink = new SmtpSink()
  const redis = new RedisServer()
  let store: ScaleStore | undefined
  let servers: ScaleProcess[]
  let worker: ScaleProcess
  let turn = 0
  /** The server for the next request: A, B, A, B, … */
  const next = () => servers[turn++ % 2].url
  const call = (method: string, route: string, headers: Record<string, string>, body?: unknown) =>
    request(next(), method, route, { headers, body })
  const ok = async (method: string, route: string, headers: Record<string, string>, body?: unknown) => {
    const res = await call(method, route, headers, body)
    if (res.status >= 300) throw new Error(`${method} ${route}: ${res.status} ${JSON.stringify(res.data)}`)
    return res.data
  }

  beforeAll(async () => {
    store = await ScaleStore.createWithOwnServices("scale", { sink, redis }, {
      SCALE_REDIS_URL: redis.url,
      // every 2 s instead of hourly, to see where and how often it runs
      AFFILIATE_PURGE_SCHEDULE: "*/2 * * * * *",
    })
    ;[servers, worker] = await Promise.all([
      Promise.all([store.start("server"), store.start("server")]),
      store.start("worker"),
    ])
  }, 600_000)

  afterAll(async () => {
    await ScaleStore.stopWithOwnServices(store, { sink, redis })
  })

  it("runs the messaging scenario across both servers; every email goes out once, from the worker", async () => {
    const pk = { "x-publishable-api-key": store!.publishableKey }
    const bearer = (token: string) => ({ authorization: `Bearer ${token}` })
    const admin = bearer((await ok("POST", "/auth/user/emailpass", {}, store!.admin)).token)
    const registerAndLogin = async (email: string, join: (registration: Record<string, string>) => Promise<any>) => {
      const registration = (await ok("POST", "/auth/affiliate/emailpass/register", {}, { email, password: AFFILIATE_PASSWORD })).token
      const { member } = await join({ ...bearer(registration), ...pk })
      const token = (await ok("POST", "/auth/affiliate/emailpass", {}, { email, password: AFFILIATE_PASSWORD })).token
      return { id: member.id as string, email, headers: { ...bearer(token), ...pk } }
    }

    // sign-up, approval, invite and acceptance, hopping between the servers
    const ann = await registerAndLogin("ann@scale-partner.test", (headers) =>
      ok("POST", "/store/affiliates", headers, { name: "Scale Partner", email: "ann@scale-partner.test" })
    )
    const { affiliate } = await ok("GET", "/store/affiliates/me", ann.headers)
    await ok("POST", `/admin/affiliates/${affiliate.id}`, admin, { status: "active" })
    const { invite } = await ok("POST", `/admin/affiliates/${affiliate.id}/invites`, admin, { email: "bo@scale-partner.test" })
    const bo = await registerAndLogin("bo@scale-partner.test", (headers) =>
      ok("POST", "/store/affiliates/invites/accept", headers, { token: new URL(invite.accept_url).searchParams.get("token") })
    )

    // the admin uploads on one server and sends on the other
    const upload = await uploadMultipart(`${next()}/admin/messaging/attachments`, admin, [{ filename: "brief.png", content: FIXTURES.png }])
    expect(upload.status).toBe(200)
    const sent = await call("POST", "/admin/conversations", admin, {
      affiliate_id: affiliate.id,
      body: "Welcome to the program",
      attachment_ids: [upload.data.attachments[0].id],
    })
    expect(sent.status).toBe(201)
    const conversationId = sent.data.conversation.id
    const download = await fetch(`${next()}/store/affiliates/me/attachments/${upload.data.attachments[0].id}`, {
      headers: bo.headers,
    })
    expect(download.status).toBe(200)
    expect(Buffer.from(await download.arrayBuffer())).toEqual(FIXTURES.png)

    // read state is shared: what one server marks, the other reports
    const badge = async (member: { headers: Record<string, string> }) =>
      (await ok("GET", "/store/affiliates/me/messaging", member.headers)).messaging.unread_count
    expect([await badge(ann), await badge(bo)]).toEqual([1, 1])
    await ok("GET", `/store/affiliates/me/conversations/${conversationId}`, ann.headers)
    expect([await badge(ann), await badge(bo)]).toEqual([0, 1])

    // the affiliate uploads on one server and replies on the other
    const memberUpload = await uploadMultipart(`${next()}/store/affiliates/me/attachments`, ann.headers, [
      { filename: "stats.csv", content: FIXTURES.csv },
    ])
    expect(memberUpload.status).toBe(200)
    await ok("POST", `/store/affiliates/me/conversations/${conversationId}/messages`, ann.headers, {
      body: "Thanks, stats attached",
      attachment_ids: [memberUpload.data.attachments[0].id],
    })
    const inbox = async () => (await ok("GET", "/admin/conversations?limit=1", admin)).unread_count
    expect(await inbox()).toBe(1)
    await ok("GET", `/admin/conversations/${conversationId}`, admin)
    expect(await inbox()).toBe(0)
    const thread = await ok("GET", `/store/affiliates/me/conversations/${conversationId}/messages`, bo.headers)
    expect(thread.messages.map((m: any) => m.body)).toEqual(["Welcome to the program", "Thanks, stats attached"])

    // a burst from both sides, alternating servers, all at once
    const burst = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        i % 4 === 3
          ? ok("POST", "/store/affiliates/me/conversations", bo.headers, { body: `Burst ${i}` })
          : ok("POST", `/admin/conversations/${conversationId}/messages`, admin, { body: `Burst ${i}` })
      )
    )

    // expected emails, one per recipient and message: the invite; owner
    // messages to both members; affiliate messages to the only admin
    const ownerMessages = 1 + burst.filter((b) => b.message.author_type === "owner").length
    const affiliateMessages = 1 + burst.filter((b) => b.message.author_type === "affiliate").length
    const expected = 1 + ownerMessages * 2 + affiliateMessages
    const emails = await sink.waitFor(() => true, expected, { timeoutMs: 60_000, settleMs: 5_000 })
    const keys = emails.map((e) => `${e.to.join(",")} ${e.messageId}`)
    expect(new Set(keys).size).toBe(keys.length)
    expect(emails).toHaveLength(expected)
    expect(emails.filter((e) => e.to.includes("owner@scale.test"))).toHaveLength(affiliateMessages)
    expect(emails.filter((e) => e.to.includes("ann@scale-partner.test"))).toHaveLength(ownerMessages)
    expect(emails.filter((e) => e.to.includes("bo@scale-partner.test"))).toHaveLength(ownerMessages + 1)

    // every process on Redis's modules; only the worker consumes events and the delivery queue
    for (const p of [...servers, worker]) {
      for (const line of REDIS_MODULES) expect(p.process.log).toMatch(line)
    }
    const consumes = (p: ScaleProcess) => [CONSUMING.test(p.process.log), /Processing affiliate_message\.created/.test(p.process.log)]
    expect(servers.map(consumes)).toEqual([[false, false], [false, false]])
    expect(consumes(worker)).toEqual([true, true])
    console.log(
      `[reliability] scale-out: 2 servers + 1 worker, ${emails.length} emails delivered exactly once ` +
        `(${turn} requests alternating between the servers; RSS ${[...servers, worker].map((p) => p.process.rssMb()).join(" + ")} MB)`
    )
  })

  it("runs the attachment purge in the worker only, once per run", async () => {
    const admin = { authorization: `Bearer ${(await ok("POST", "/auth/user/emailpass", {}, store!.admin)).token}` }
    const uploads = await uploadMultipart(`${next()}/admin/messaging/attachments`, admin, [
      { filename: "old-1.png", content: FIXTURES.png },
      { filename: "old-2.pdf", content: FIXTURES.pdf },
      { filename: "old-3.txt", content: FIXTURES.txt },
    ])
    expect(uploads.status).toBe(200)
    const ids = uploads.data.attachments.map((a: any) => `'${a.id}'`).join(", ")
    const filesBefore = countFiles(store!.uploadDir)
    // uploaded 25 hours ago as far as the purge can tell
    await sql(
      store!.database.name,
      `update affiliate_message_attachment set created_at = now() - interval '25 hours' where id in (${ids})`
    )
    const remaining = async () =>
      (await sql(store!.database.name, `select count(*)::int as n from affiliate_message_attachment where id in (${ids})`))[0].n
    const deadline = Date.now() + 30_000
    while ((await remaining()) > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
    expect(await remaining()).toBe(0)
    await worker.process.waitForLog(/purged \d+ unsent attachments/, 10_000)
    // one more tick, for a late runner to show itself
    await new Promise((resolve) => setTimeout(resolve, 2_500))

    const purgedBy = (p: ScaleProcess) => [...p.process.log.matchAll(PURGED_LOG)].map((m) => Number(m[1]))
    expect(servers.map(purgedBy)).toEqual([[], []])
    expect(purgedBy(worker)).toEqual([3])
    expect(countFiles(store!.uploadDir)).toBe(filesBefore - 3)
    console.log(
      `[reliability] scale-out: the attachment purge (every 2 s here) ran in the worker only: 3 stale uploads purged once, files included; servers ran none`
    )
  })
})

function countFiles(dir: string): number {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .reduce((n, entry) => n + (entry.isDirectory() ? countFiles(path.join(dir, entry.name)) : 1), 0)
}
