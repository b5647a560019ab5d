import { createParser } from "eventsource-parser"
import { api } from "./program.mjs"
import { round } from "./load.mjs"

const IDLE_STREAMS = 1_000
const DELIVERIES = 100
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * An admin stream read as the storefront client reads one (fetch +
 * eventsource-parser): `opened` settles at its first event, `arrival(id)`
 * with the time the `message.created` of that message came.
 */
async function openAdminStream(baseUrl, token) {
  const controller = new AbortController()
  const response = await fetch(`${baseUrl}/admin/messaging/stream`, {
    headers: { accept: "text/event-stream", authorization: `Bearer ${token}` },
    signal: controller.signal,
  })
  if (response.status !== 200) {
    throw new Error(`admin stream answered ${response.status}: ${await response.text()}`)
  }
  let firstEvent
  const opened = new Promise((resolve) => (firstEvent = resolve))
  // an event may come before the send's response: arrivals are kept for `arrival` to find
  const heard = new Map()
  const awaited = new Map()
  const parser = createParser({
    onEvent: (message) => {
      const at = performance.now()
      firstEvent()
      if (message.event === "message.created") {
        const id = JSON.parse(message.data).message_id
        heard.set(id, at)
        awaited.get(id)?.(at)
      }
    },
  })
  ;(async () => {
    const decoder = new TextDecoder()
    for await (const chunk of response.body) parser.feed(decoder.decode(chunk, { stream: true }))
  })().catch(() => {})
  return {
    opened,
    /** When message `id` arrived (performance.now()); rejects after `timeoutMs`. */
    arrival(id, timeoutMs = 10_000) {
      if (heard.has(id)) return Promise.resolve(heard.get(id))
      const arrived = new Promise((resolve) => awaited.set(id, resolve))
      const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error(`${id} not heard within ${timeoutMs} ms`)), timeoutMs).unref())
      return Promise.race([arrived, timeout]).finally(() => awaited.delete(id))
    },
    close: () => controller.abort(),
  }
}

/** Lowest RSS of a few samples a second apart: RSS moves with garbage V8 has not collected yet. */
async function settledRss(server, samples) {
  let lowest = Infinity
  for (let i = 0; i < samples; i++) {
    lowest = Math.min(lowest, server.rssMb())
    await sleep(1_000)
  }
  return lowest
}

/** Heap and external memory after a full collection (the bench host's memory probe), in MB. */
async function liveMemoryMb(server, program) {
  const probe = await api(server.url, "GET", "/admin/bench-memory", { token: program.adminToken })
  if (!probe.collected) throw new Error("the bench host runs without --expose-gc: no memory probe")
  return probe.heap_used_mb + probe.external_mb
}

/**
 * Live updates on the bench's one server (workerMode shared: the process
 * that writes also publishes, through Redis when the bench has one, and
 * serves the streams):
 * - stream_kb_per_connection: the process's heap and external memory after
 *   a full collection with 1,000 idle admin streams open (each past its
 *   first event and a 15 s heartbeat) minus before, per stream (RSS, noisier,
 *   is kept beside it);
 * - live_delivery_p95_ms: from sending an owner message (request sent) to
 *   its `message.created` on an admin stream, over 100 sends in a row.
 */
export async function measureLive(server, program) {
  const before = await settledRss(server, 3)
  const liveBefore = await liveMemoryMb(server, program)
  const streams = await Promise.all(Array.from({ length: IDLE_STREAMS }, () => openAdminStream(server.url, program.adminToken)))
  try {
    await Promise.all(streams.map((stream) => stream.opened))
    // the default heartbeat is 15 s: every stream has had one when sampling ends
    const after = await settledRss(server, 17)
    const liveAfter = await liveMemoryMb(server, program)
    const streamKb = round(((liveAfter - liveBefore) * 1024) / IDLE_STREAMS, 1)

    const listener = streams[IDLE_STREAMS - 1]
    const latencies = []
    for (let i = 0; i < DELIVERIES; i++) {
      const sentAt = performance.now()
      const { message } = await api(server.url, "POST", `/admin/conversations/${program.memberThreadId}/messages`, {
        token: program.adminToken,
        body: { body: `Live ${i}` },
      })
      latencies.push((await listener.arrival(message.id)) - sentAt)
    }
    const sorted = [...latencies].sort((a, b) => a - b)
    const at = (q) => round(sorted[Math.ceil(q * sorted.length) - 1], 1)
    return {
      idle_streams: IDLE_STREAMS,
      rss_before_mb: before,
      rss_after_mb: after,
      rss_kb_per_stream: round(((after - before) * 1024) / IDLE_STREAMS, 1),
      live_memory_before_mb: round(liveBefore, 2),
      live_memory_after_mb: round(liveAfter, 2),
      stream_kb_per_connection: streamKb,
      deliveries: DELIVERIES,
      delivery_p50_ms: at(0.5),
      live_delivery_p95_ms: at(0.95),
      delivery_max_ms: round(sorted[sorted.length - 1], 1),
      measured_on: "the same process (one server, workerMode shared)",
    }
  } finally {
    streams.forEach((stream) => stream.close())
  }
}
