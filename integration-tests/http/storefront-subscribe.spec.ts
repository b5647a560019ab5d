import http from "http"
import type { AddressInfo } from "net"
import {
  createAffiliateMessagingClient,
  type LiveState,
  type StoreMessagingStreamEvent,
} from "medusa-plugin-affiliate-messaging-storefront"

jest.setTimeout(30_000)

type StreamRequest = { ticket: string | null; publishableKey: string | null; lastEventId: string | null }

/**
 * A small server that speaks the member stream's protocol: one-use tickets
 * (401 for a used or unknown one), `text/event-stream` with ids, and the
 * status route the client polls. Each test says what the next streams do.
 */
class SseServer {
  readonly tickets: string[] = []
  readonly streams: StreamRequest[] = []
  polls = 0
  /** How each stream request is answered, in order; the last one repeats. */
  plan: Array<(res: http.ServerResponse, request: StreamRequest) => void> = []
  private server = http.createServer((req, res) => this.handle(req, res))
  private used = new Set<string>()
  private open = new Set<http.ServerResponse>()

  async start() {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve))
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`
  }

  async stop() {
    this.open.forEach((res) => res.destroy())
    // fetch keeps idle connections alive; close() would wait for them
    this.server.closeAllConnections()
    await new Promise((resolve) => this.server.close(resolve))
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const url = new URL(req.url!, "http://localhost")
    const authorised = req.headers.authorization === "Bearer member-token" && req.headers["x-publishable-api-key"] === "pk_test"
    if (req.method === "POST" && url.pathname === "/store/affiliates/me/stream-tickets") {
      if (!authorised) return this.json(res, 401, { type: "unauthorized", message: "Unauthorized" })
      const ticket = `ticket_${this.tickets.length + 1}`
      this.tickets.push(ticket)
      return this.json(res, 200, { ticket, expires_at: new Date(Date.now() + 60_000).toISOString() })
    }
    if (req.method === "GET" && url.pathname === "/store/affiliates/me/messaging") {
      if (!authorised) return this.json(res, 401, { type: "unauthorized", message: "Unauthorized" })
      this.polls += 1
      return this.json(res, 200, { messaging: { enabled: true, disabled_message: null, unread_count: 4 } })
    }
    if (req.method === "GET" && url.pathname === "/store/affiliates/me/stream") {
      const request: StreamRequest = {
        ticket: url.searchParams.get("ticket"),
        publishableKey: url.searchParams.get("publishable_key"),
        lastEventId: (req.headers["last-event-id"] as string | undefined) ?? null,
      }
      this.streams.push(request)
      // the stream itself carries no token: only the ticket
      if (req.headers.authorization || !request.ticket || !this.tickets.includes(request.ticket) || this.used.has(request.ticket)) {
        return this.json(res, 401, { type: "unauthorized", message: "Invalid ticket" })
      }
      this.used.add(request.ticket)
      const answer = this.plan[Math.min(this.streams.length - 1, this.plan.length - 1)]
      this.open.add(res)
      res.on("close", () => this.open.delete(res))
      return answer(res, request)
    }
    this.json(res, 404, { type: "not_found", message: "Not found" })
  }

  private json(res: http.ServerResponse, status: number, body: unknown) {
    res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body))
  }
}

const sse = (res: http.ServerResponse) => {
  res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache, no-transform" })
  res.flushHeaders()
  return res
}
const event = (id: number, type: string, data: object) => `id: ${id}\nevent: ${type}\ndata: ${JSON.stringify(data)}\n\n`
const created = (id: number) => event(id, "message.created", { conversation_id: "conv_1", message_id: `msg_${id}`, author_type: "owner" })

/** Resolves once `predicate` holds for the events collected so far. */
function collector() {
  const events: StoreMessagingStreamEvent[] = []
  const states: LiveState[] = []
  const waiters: Array<() => void> = []
  const wake = () => waiters.splice(0).forEach((resolve) => resolve())
  return {
    events,
    states,
    onEvent: (e: StoreMessagingStreamEvent) => (events.push(e), wake()),
    onState: (s: LiveState) => (states.push(s), wake()),
    async until(predicate: () => boolean) {
      while (!predicate()) await new Promise<void>((resolve) => waiters.push(resolve))
    },
  }
}

describe("client.subscribe against an SSE server", () => {
  let server: SseServer
  let baseUrl: string
  let unsubscribe: (() => void) | undefined

  const client = () => createAffiliateMessagingClient({ baseUrl, publishableKey: "pk_test", token: "member-token" })

  beforeEach(async () => {
    server = new SseServer()
    baseUrl = await server.start()
  })

  afterEach(async () => {
    unsubscribe?.()
    await server.stop()
  })

  it("reconnects with a new ticket each time and Last-Event-ID, so nothing is missed or repeated", async () => {
    server.plan = [
      // two events and a heartbeat, then the connection drops (a proxy, a deploy)
      (res) => sse(res).end(`retry: 20\n\n${created(1)}: heartbeat\n\n${created(2)}`),
      // replays what came after Last-Event-ID, then drops again
      (res, request) => sse(res).end(`retry: 20\n\n${request.lastEventId === "2" ? created(3) : event(3, "resync", {})}`),
      (res) => sse(res).write(created(4)),
    ]
    const seen = collector()
    unsubscribe = client().subscribe(seen.onEvent, { onState: seen.onState })
    await seen.until(() => seen.events.length >= 4)

    expect(seen.events.map((e) => [e.type, e.id])).toEqual([
      ["message.created", "1"],
      ["message.created", "2"],
      ["message.created", "3"],
      ["message.created", "4"],
    ])
    expect(seen.events[0].data).toEqual({ conversation_id: "conv_1", message_id: "msg_1", author_type: "owner" })
    expect(server.streams).toEqual([
      { ticket: "ticket_1", publishableKey: "pk_test", lastEventId: null },
      { ticket: "ticket_2", publishableKey: "pk_test", lastEventId: "2" },
      { ticket: "ticket_3", publishableKey: "pk_test", lastEventId: "3" },
    ])
    expect(seen.states.filter((s) => s === "polling")).toEqual([])
    expect(server.polls).toBe(0)
  })

  it("passes resync on, for the caller to refetch everything", async () => {
    server.plan = [(res) => sse(res).write(event(7, "resync", {}))]
    const seen = collector()
    unsubscribe = client().subscribe(seen.onEvent)
    await seen.until(() => seen.events.length >= 1)
    expect(seen.events).toEqual([{ type: "resync", id: "7", data: {} }])
  })

  it("polls the status after repeated failures, keeps trying the stream and stops polling once it is back", async () => {
    let refusing = true
    server.plan = [
      (res, request) =>
        refusing
          ? res.writeHead(503, { "retry-after": "0", "content-type": "application/json" }).end("{}")
          : sse(res).write(event(10, "messaging", { enabled: true, unread_count: 5 })),
    ]
    const seen = collector()
    unsubscribe = client().subscribe(seen.onEvent, {
      onState: seen.onState,
      pollMs: 100,
      failuresBeforePolling: 3,
      minDelayMs: 20,
      maxDelayMs: 100,
    })
    // the poll's answer comes as a `messaging` event without an id
    await seen.until(() => seen.events.some((e) => e.id === null))
    expect(seen.events[0]).toEqual({ type: "messaging", id: null, data: { enabled: true, unread_count: 4 } })
    expect(seen.states.slice(0, 2)).toEqual(["connecting", "polling"])
    // polling did not start before the third failed attempt
    expect(server.streams.length).toBeGreaterThanOrEqual(3)
    // every attempt asked for a ticket of its own
    expect(new Set(server.streams.map((s) => s.ticket)).size).toBe(server.streams.length)

    // still retried while polling
    const attempts = server.streams.length
    await seen.until(() => server.streams.length > attempts + 1)

    refusing = false
    await seen.until(() => seen.events.some((e) => e.id === "10"))
    expect(seen.states[seen.states.length - 1]).toBe("live")
    const pollsWhenLive = server.polls
    // another full poll period and more pass without a poll (the only wait on a clock here: absence has no event)
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(server.polls).toBe(pollsWhenLive)
  })

  it("stops for good when unsubscribed: the open stream is closed and nothing is retried", async () => {
    server.plan = [(res) => sse(res).write(created(1))]
    const seen = collector()
    unsubscribe = client().subscribe(seen.onEvent, { onState: seen.onState, minDelayMs: 10 })
    await seen.until(() => seen.events.length === 1)
    unsubscribe()
    expect(seen.states[seen.states.length - 1]).toBe("closed")
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(server.streams).toHaveLength(1)
  })
})
