import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { httpClient, HttpClient } from "../helpers/http-client"
import { createProgram, MemberLogin } from "../helpers/program"
import { openStream, OpenStream, ReceivedEvent } from "../helpers/sse"

jest.setTimeout(180_000)

/**
 * The live update streams on one process (the multi-process and Redis
 * cases are in integration-tests/reliability/live-updates.spec.ts). The
 * plugin runs here with a 0.5 s heartbeat (medusa-config.ts).
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    let http: HttpClient
    let program: Awaited<ReturnType<typeof createProgram>>
    let base: string
    const open: OpenStream[] = []

    beforeEach(async () => {
      http = httpClient(api)
      program = await createProgram(http, getContainer())
      base = api.defaults.baseURL!.replace(/\/$/, "")
    })
    afterEach(() => {
      open.splice(0).forEach((stream) => stream.close())
    })

    const track = (stream: OpenStream) => (open.push(stream), stream)
    const adminStream = async (headers: Record<string, string> = program.admin.headers) =>
      track(await openStream(`${base}/admin/messaging/stream`, headers))
    const ticketFor = async (member: MemberLogin) => {
      const res = await http.post("/store/affiliates/me/stream-tickets", {}, member.headers)
      expect(res.status).toBe(200)
      return res.data.ticket as string
    }
    const ticketUrl = (ticket: string, key = program.publishableKey) =>
      `${base}/store/affiliates/me/stream?ticket=${encodeURIComponent(ticket)}&publishable_key=${key}`
    const memberStream = async (member: MemberLogin, headers: Record<string, string> = {}) =>
      track(await openStream(ticketUrl(await ticketFor(member)), headers))
    const named = (name: string) => (event: ReceivedEvent) => event.event === name
    const ownerSends = async (body: Record<string, unknown>) => {
      const res = await http.post("/admin/conversations", body, program.admin.headers)
      expect([200, 201]).toContain(res.status)
      return res.data.conversation.id as string
    }
    const memberSends = async (member: MemberLogin, body: Record<string, unknown>) => {
      const res = await http.post("/store/affiliates/me/conversations", body, member.headers)
      expect([200, 201]).toContain(res.status)
      return res.data.conversation.id as string
    }

    it("admin stream: SSE headers, retry with jitter, counts at once, heartbeats; a member's message arrives, then the inbox count", async () => {
      const team = await program.team("Live Co", "live@live.test")
      const stream = await adminStream()
      expect(stream.status).toBe(200)
      expect(stream.headers.get("content-type")).toBe("text/event-stream")
      expect(stream.headers.get("cache-control")).toBe("no-cache, no-transform")
      expect(stream.headers.get("x-accel-buffering")).toBe("no")
      expect(stream.headers.get("content-encoding")).toBeNull()
      const first = await stream.next(named("inbox"))
      expect(first.data).toEqual({ unread_count: 0 })
      expect(first.id).toMatch(/^\d+$/)
      expect(stream.retry).toBeGreaterThanOrEqual(2000)
      expect(stream.retry).toBeLessThan(4000)

      const conversationId = await memberSends(team, { body: "Hello store" })
      const created = await stream.next(named("message.created"))
      expect(created.data).toEqual({ conversation_id: conversationId, message_id: expect.stringMatching(/^msg_/), author_type: "affiliate" })
      const inbox = await stream.next(named("inbox"), 5_000, stream.events.indexOf(created))
      expect(inbox.data).toEqual({ unread_count: 1 })
      expect(Number(created.id)).toBeGreaterThan(Number(first.id))

      await http.post(`/admin/conversations/${conversationId}/read`, {}, program.admin.headers)
      const read = await stream.next(named("conversation.read"))
      expect(read.data).toEqual({ conversation_id: conversationId })
      await stream.next((event) => event.event === "inbox" && event.data.unread_count === 0)

      // 0.5 s heartbeat in this suite's config
      await waitFor(() => stream.comments.includes("keep-alive"))
      // unknown query fields are refused before a stream opens
      const unknown = await openStream(`${base}/admin/messaging/stream?since=1`, program.admin.headers)
      expect(unknown.status).toBe(400)
      expect(unknown.body).toEqual({ type: "invalid_data", message: expect.stringContaining("since") })
    })

    it("member stream: a one-use ticket in the URL with the publishable key (no headers); used, unknown and foreign tickets are 401", async () => {
      const team = await program.team("Ticket Co", "ticket@ticket.test")
      const other = await program.team("Other Co", "other@other.test")
      const ticket = await ticketFor(team)
      const stream = track(await openStream(ticketUrl(ticket)))
      expect(stream.status).toBe(200)
      expect(stream.headers.get("content-type")).toBe("text/event-stream")
      expect((await stream.next(named("messaging"))).data).toEqual({ enabled: true, unread_count: 0 })

      const conversationId = await ownerSends({ affiliate_id: team.affiliate_id, body: "Welcome" })
      expect((await stream.next(named("message.created"))).data).toEqual({
        conversation_id: conversationId,
        message_id: expect.stringMatching(/^msg_/),
        author_type: "owner",
      })
      await stream.next((event) => event.event === "messaging" && event.data.unread_count === 1)

      const reused = await openStream(ticketUrl(ticket))
      expect(reused.status).toBe(401)
      expect((await openStream(ticketUrl("made-up-ticket"))).status).toBe(401)
      expect((await openStream(`${ticketUrl(await ticketFor(team))}&cursor=1`)).status).toBe(400)
      // another member's ticket with this member's own headers
      const foreign = await openStream(ticketUrl(await ticketFor(other)), { authorization: team.headers.authorization })
      expect(foreign.status).toBe(401)
      // a wrong publishable key is Medusa's refusal, as on every store route
      expect((await openStream(ticketUrl(await ticketFor(team), "pk_wrong"))).status).toBe(400)
      // the usual headers instead of a ticket (fetch-based clients)
      const byHeaders = track(await openStream(`${base}/store/affiliates/me/stream`, team.headers))
      expect(byHeaders.status).toBe(200)
      expect((await byHeaders.next(named("messaging"))).data).toEqual({ enabled: true, unread_count: 1 })
      expect((await openStream(`${base}/store/affiliates/me/stream?publishable_key=${program.publishableKey}`)).status).toBe(401)
      // tickets are stored hashed
      const [{ count }] = (await dbConnection.raw(`select count(*) from affiliate_stream_ticket where token_hash = ?`, [ticket])).rows
      expect(Number(count)).toBe(0)
    })

    it("privacy: each member's stream carries its own and its team's threads only; read receipts stay with their reader", async () => {
      const one = await program.team("Team A", "a1@a.test")
      const two = await program.member(one.affiliate_id, "a2@a.test")
      const stranger = await program.team("Team B", "b1@b.test")
      const admin = await adminStream()
      const [s1, s2, sB] = [await memberStream(one), await memberStream(two), await memberStream(stranger)]

      const teamThread = await ownerSends({ affiliate_id: one.affiliate_id, body: "Team news" })
      const oneThread = await ownerSends({ affiliate_id: one.affiliate_id, member_id: one.member_id, body: "For one" })
      const twoThread = await memberSends(two, { body: "Private from two", audience: "member" })
      const strangerThread = await ownerSends({ affiliate_id: stranger.affiliate_id, body: "For B" })
      await admin.next((event) => event.event === "message.created" && event.data.conversation_id === strangerThread)
      await http.post(`/store/affiliates/me/conversations/${teamThread}/read`, {}, one.headers)
      await s1.next(named("conversation.read"))
      const last = await ownerSends({ affiliate_id: stranger.affiliate_id, body: "Last" })
      await Promise.all([
        sB.next((event) => event.event === "message.created" && event.data.conversation_id === last),
        admin.next((event) => event.event === "message.created" && event.data.message_id !== undefined && event.data.conversation_id === last),
      ])
      await settle()

      const threads = (stream: OpenStream) =>
        [...new Set(stream.events.filter((e) => e.data.conversation_id).map((e) => `${e.event}:${e.data.conversation_id}`))].sort()
      expect(threads(s1)).toEqual([`conversation.read:${teamThread}`, `message.created:${oneThread}`, `message.created:${teamThread}`].sort())
      expect(threads(s2)).toEqual([`message.created:${teamThread}`, `message.created:${twoThread}`].sort())
      expect(threads(sB)).toEqual([`message.created:${strangerThread}`])
      // not even as an id anywhere in the text of the stream
      for (const [stream, foreign] of [
        [s1, [twoThread, strangerThread]],
        [s2, [oneThread, strangerThread]],
        [sB, [teamThread, oneThread, twoThread]],
      ] as const) {
        const text = JSON.stringify(stream.events)
        for (const id of foreign) expect(text).not.toContain(id)
      }
      // the admin sees every message, and the owners' shared read state only
      expect(threads(admin)).toEqual(
        [teamThread, oneThread, twoThread, strangerThread].map((id) => `message.created:${id}`).sort()
      )
    })

    it("a disabled group and a suspension: the member gets the messaging event, no message events, and a suspended member's stream ends", async () => {
      const group = await http.post("/admin/affiliate-groups", { name: "Quiet" }, program.admin.headers)
      expect(group.status).toBe(200)
      const groupId = group.data.affiliate_group.id
      const team = await program.team("Grouped Co", "g@g.test", { group_id: groupId })
      const stream = await memberStream(team)
      await stream.next(named("messaging"))

      await http.post(`/admin/affiliate-groups/${groupId}`, { messaging_enabled: false }, program.admin.headers)
      expect((await stream.next((e) => e.event === "messaging" && e.data.enabled === false)).data).toEqual({ enabled: false, unread_count: 0 })
      await http.post(`/admin/affiliate-groups/${groupId}`, { messaging_enabled: true }, program.admin.headers)
      await stream.next((e) => e.event === "messaging" && e.data.enabled === true, 5_000, stream.events.length - 1)

      await http.post("/admin/messaging/settings", { enabled: false }, program.admin.headers)
      await stream.next((e) => e.event === "messaging" && e.data.enabled === false, 5_000, stream.events.length - 1)
      await http.post("/admin/messaging/settings", { enabled: true }, program.admin.headers)
      await stream.next((e) => e.event === "messaging" && e.data.enabled === true, 5_000, stream.events.length - 1)

      await program.setStatus(team.affiliate_id, "suspended")
      await stream.next((e) => e.event === "messaging" && e.data.enabled === false, 5_000, stream.events.length - 1)
      await stream.ended
      expect(stream.events.filter(named("message.created"))).toEqual([])
      expect((await http.post("/store/affiliates/me/stream-tickets", {}, team.headers)).status).toBe(403)
    })

    it("replay: a stream that missed 20 events gets all 20 in order, once, with Last-Event-ID; past retention it gets resync", async () => {
      const team = await program.team("Replay Co", "replay@replay.test")
      const conversationId = await ownerSends({ affiliate_id: team.affiliate_id, body: "0" })
      const first = await memberStream(team)
      const lastSeen = (await first.next(named("messaging"))).id!
      first.close()

      const missed: string[] = []
      for (let i = 1; i <= 20; i++) {
        const res = await http.post(`/admin/conversations/${conversationId}/messages`, { body: `missed ${i}` }, program.admin.headers)
        missed.push(res.data.message.id)
      }
      const admin = await adminStream()
      await admin.next(named("inbox"))
      // the 20th is in the log once the admin hears of it
      const probe = await ownerSends({ affiliate_id: team.affiliate_id, body: "after" })
      await admin.next((e) => e.event === "message.created" && e.data.conversation_id === probe && missed.length === 20)
      missed.push((await http.get(`/admin/conversations/${probe}/messages?limit=1`, program.admin.headers)).data.messages.at(-1)?.id)

      const again = await memberStream(team, { "last-event-id": lastSeen })
      const counts = await again.next(named("messaging"))
      const replayed = again.events.slice(0, again.events.indexOf(counts)).filter(named("message.created"))
      expect(replayed.map((e) => e.data.message_id)).toEqual(missed.filter(Boolean))
      const ids = replayed.map((e) => Number(e.id))
      expect(ids).toEqual([...ids].sort((a, b) => a - b))
      expect(new Set(ids).size).toBe(ids.length)

      // a live one after the replay arrives once
      const live = await http.post(`/admin/conversations/${conversationId}/messages`, { body: "live" }, program.admin.headers)
      await again.next((e) => e.event === "message.created" && e.data.message_id === live.data.message.id)
      await settle()
      expect(again.events.filter((e) => e.data.message_id === live.data.message.id)).toHaveLength(1)

      await dbConnection.raw(`update affiliate_live_event set created_at = now() - interval '25 hours'`)
      const late = await memberStream(team, { "last-event-id": lastSeen })
      expect((await late.next(() => true)).event).toBe("resync")
      await late.next(named("messaging"))
      const bogus = await memberStream(team, { "last-event-id": "999999999" })
      expect((await bogus.next(() => true)).event).toBe("resync")
    })

    it("caps and logout: an eleventh stream of one admin is 503 with Retry-After; a destroyed session ends its stream", async () => {
      const streams = await Promise.all(Array.from({ length: 10 }, () => adminStream()))
      expect(streams.map((stream) => stream.status)).toEqual(Array(10).fill(200))
      const refused = await adminStream()
      expect(refused.status).toBe(503)
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0)
      expect(refused.body).toEqual({ type: "unavailable", message: expect.stringMatching(/At most 10/) })
      streams[0].close()
      await waitFor(async () => {
        const retried = await adminStream()
        retried.close()
        return retried.status === 200
      })
      streams.forEach((stream) => stream.close())

      const session = await fetch(`${base}/auth/session`, { method: "POST", headers: program.admin.headers })
      expect(session.status).toBe(200)
      const cookie = session.headers.get("set-cookie")!.split(";")[0]
      const bySession = await adminStream({ cookie })
      expect(bySession.status).toBe(200)
      await bySession.next(named("inbox"))
      expect((await fetch(`${base}/auth/session`, { method: "DELETE", headers: { cookie } })).status).toBe(200)
      await bySession.ended
    })
  },
})

async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 5_000) {
  const until = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > until) throw new Error("condition not met in time")
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

/** Lets events that should not come have their chance to (asserting absence). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 500))
