import { createParser, type EventSourceMessage } from "eventsource-parser"

export type ReceivedEvent = { id?: string; event?: string; data: any; at: number }

export type OpenStream = {
  status: number
  headers: Headers
  /** The answer's JSON body when it is not a stream (401, 503…). */
  body?: any
  events: ReceivedEvent[]
  comments: string[]
  retry?: number
  /** Settles when the server ended the stream. */
  ended: Promise<void>
  /** The first event (after `from`) that `match` accepts; rejects after `timeoutMs`. */
  next(match: (event: ReceivedEvent) => boolean, timeoutMs?: number, from?: number): Promise<ReceivedEvent>
  close(): void
}

/**
 * A stream reader for tests: fetch and `eventsource-parser` (what the
 * storefront client uses), keeping every event with the time it arrived.
 */
export async function openStream(url: string, headers: Record<string, string> = {}): Promise<OpenStream> {
  const controller = new AbortController()
  const response = await fetch(url, { headers: { accept: "text/event-stream", ...headers }, signal: controller.signal })
  const events: ReceivedEvent[] = []
  const comments: string[] = []
  const waiters = new Set<() => void>()
  const notify = () => waiters.forEach((waiter) => waiter())
  const stream: OpenStream = {
    status: response.status,
    headers: response.headers,
    events,
    comments,
    ended: Promise.resolve(),
    next(match, timeoutMs = 5_000, from = 0) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = events.slice(from).find(match)
          if (found) {
            waiters.delete(check)
            clearTimeout(timer)
            resolve(found)
          }
        }
        const timer = setTimeout(() => {
          waiters.delete(check)
          reject(new Error(`no matching event within ${timeoutMs} ms; got ${JSON.stringify(events.map((e) => e.event))}`))
        }, timeoutMs)
        waiters.add(check)
        check()
      })
    },
    close: () => controller.abort(),
  }
  if (!response.headers.get("content-type")?.startsWith("text/event-stream")) {
    stream.body = await response.json().catch(() => undefined)
    return stream
  }
  const parser = createParser({
    onEvent: (message: EventSourceMessage) => {
      events.push({ id: message.id, event: message.event, data: JSON.parse(message.data), at: Date.now() })
      notify()
    },
    onComment: (comment) => {
      comments.push(comment)
      notify()
    },
    onRetry: (retry) => {
      stream.retry = retry
    },
  })
  const reader = response.body!.getReader()
  const decoder = new TextDecoder()
  stream.ended = (async () => {
    try {
      for (;;) {
        const { done, value } = await reader.read()
        if (done) return
        parser.feed(decoder.decode(value, { stream: true }))
      }
    } catch {
      // aborted by close()
    }
  })()
  return stream
}
