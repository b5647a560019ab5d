import { sql } from "./medusa-process"
import { request } from "./store-affiliate"

type Headers = Record<string, string>

/** One send as the client saw it: acknowledged when `message_id` is set. */
export type SendRecord = {
  loop: string
  seq: number
  body: string
  /** HTTP status; 0 when no answer came (connection error or client timeout). */
  status: number
  ms: number
  /** Whether the answer was JSON (errors included). */
  json: boolean
  message_id?: string
  conversation_id?: string
  error?: string
}

/**
 * A client that sends messages one after the other into one thread: the
 * first with the "start" route (New Message / write to the owner, which
 * appends when the thread exists), then alternately a reply in the thread
 * and the start route again, so both routes are under load.
 */
export type SenderLoop = {
  name: string
  start: { route: string; body: (text: string) => Record<string, unknown> }
  reply: (conversationId: string) => string
  headers: Headers
}

export const ownerLoop = (name: string, affiliateId: string, headers: Headers): SenderLoop => ({
  name,
  start: { route: "/admin/conversations", body: (text) => ({ affiliate_id: affiliateId, body: text }) },
  reply: (id) => `/admin/conversations/${id}/messages`,
  headers,
})

export const affiliateLoop = (name: string, headers: Headers): SenderLoop => ({
  name,
  start: { route: "/store/affiliates/me/conversations", body: (text) => ({ body: text }) },
  reply: (id) => `/store/affiliates/me/conversations/${id}/messages`,
  headers,
})

/**
 * Runs every loop at once until `keepGoing()` turns false; each loop
 * sends sequentially (a send starts when the previous one answered), with
 * unique bodies `<prefix> <loop> #<seq>`. `baseUrl(i)` picks the server of
 * the i-th send. A send that gets no answer within `timeoutMs` counts as
 * status 0. With `rateLimitedPauseMs`, a loop refused with 429 waits that
 * long before its next send (a client sending as fast as the limit allows).
 */
export async function runSenderLoops(
  loops: SenderLoop[],
  options: {
    prefix: string
    keepGoing: () => boolean
    baseUrl: (seq: number) => string
    timeoutMs?: number
    rateLimitedPauseMs?: number
  }
): Promise<SendRecord[]> {
  const records: SendRecord[] = []
  await Promise.all(
    loops.map(async (loop) => {
      let conversationId: string | undefined
      for (let seq = 0; options.keepGoing(); seq++) {
        const body = `${options.prefix} ${loop.name} #${seq}`
        const replying = conversationId && seq % 2 === 1
        const route = replying ? loop.reply(conversationId!) : loop.start.route
        const payload = replying ? { body } : loop.start.body(body)
        const started = Date.now()
        const record: SendRecord = { loop: loop.name, seq, body, status: 0, ms: 0, json: false }
        try {
          const res = await request(options.baseUrl(seq), "POST", route, {
            headers: loop.headers,
            body: payload,
            timeoutMs: options.timeoutMs ?? 30_000,
          })
          record.status = res.status
          record.json = typeof res.data === "object" && res.data !== null
          if (res.status >= 200 && res.status < 300) {
            record.message_id = res.data.message.id
            record.conversation_id = res.data.message.conversation_id
            conversationId = record.conversation_id
          }
        } catch (error: any) {
          record.error = error?.name === "TimeoutError" ? "client timeout" : String(error?.cause?.code ?? error?.message)
        }
        record.ms = Date.now() - started
        records.push(record)
        if (record.status === 429 && options.rateLimitedPauseMs) {
          await new Promise((resolve) => setTimeout(resolve, options.rateLimitedPauseMs))
        }
      }
    })
  )
  return records
}

export type StoredMessage = {
  id: string
  conversation_id: string
  author_type: string
  body: string
  created_at: Date
}

/** The messages whose body starts with `prefix`, in thread order. */
export function storedMessages(database: string, prefix: string): Promise<StoredMessage[]> {
  return sql(
    database,
    `select id, conversation_id, author_type, body, created_at from affiliate_message
      where body like '${prefix.replace(/'/g, "''")} %' order by conversation_id, created_at, id`
  )
}

/**
 * Compares what the clients were told with what the database holds:
 * acknowledged messages missing (`lost`), bodies stored more than once
 * (`duplicated`), messages stored without an acknowledgement, and loops
 * whose acknowledged messages are not in send order in their thread.
 */
export function reconcile(records: SendRecord[], stored: StoredMessage[]) {
  const storedById = new Map(stored.map((m) => [m.id, m]))
  const bodies = new Map<string, number>()
  for (const m of stored) bodies.set(m.body, (bodies.get(m.body) ?? 0) + 1)
  const acknowledged = records.filter((r) => r.message_id)
  const acknowledgedIds = new Set(acknowledged.map((r) => r.message_id!))
  const lost = acknowledged.filter((r) => {
    const row = storedById.get(r.message_id!)
    return !row || row.body !== r.body || row.conversation_id !== r.conversation_id
  })
  const duplicated = [...bodies].filter(([, n]) => n > 1).map(([body]) => body)
  const unacknowledgedStored = stored.filter((m) => !acknowledgedIds.has(m.id))

  const position = new Map(stored.map((m, i) => [m.id, i]))
  const outOfOrder = new Set<string>()
  const byLoop = new Map<string, SendRecord[]>()
  for (const r of acknowledged) byLoop.set(r.loop, [...(byLoop.get(r.loop) ?? []), r])
  for (const [loop, sends] of byLoop) {
    sends.sort((a, b) => a.seq - b.seq)
    for (let i = 1; i < sends.length; i++) {
      const [before, after] = [storedById.get(sends[i - 1].message_id!), storedById.get(sends[i].message_id!)]
      // positions come from the database's (created_at, id) order, exact to the microsecond
      if (
        !before ||
        !after ||
        before.conversation_id !== after.conversation_id ||
        position.get(before.id)! > position.get(after.id)!
      ) {
        outOfOrder.add(loop)
      }
    }
  }
  return { acknowledged, lost, duplicated, unacknowledgedStored, outOfOrder: [...outOfOrder] }
}

/** The p-th percentile (0–100) of `values`, nearest rank. */
export function percentile(values: number[], p: number) {
  if (!values.length) return 0
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]
}

/** `{ "200": 10, "500": 1, "client timeout": 2 }` */
export function countStatuses(records: SendRecord[]) {
  const counts: Record<string, number> = {}
  for (const r of records) {
    const key = r.status ? String(r.status) : r.error ?? "no answer"
    counts[key] = (counts[key] ?? 0) + 1
  }
  return counts
}

/** Runs `fn` over `items`, at most `limit` at a time, keeping the order of the results. */
export async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T, index: number) => Promise<R>) {
  const results: R[] = new Array(items.length)
  let next = 0
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const index = next++
        results[index] = await fn(items[index], index)
      }
    })
  )
  return results
}
