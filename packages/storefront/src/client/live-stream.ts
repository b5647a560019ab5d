import { createParser } from "eventsource-parser"

/** One Server-Sent Event as it came over the wire. */
export type StreamMessage = { id: string | null; event: string; data: string }

/**
 * `connecting`: opening the stream; `live`: open; `polling`: the stream failed
 * `failuresBeforePolling` times in a row, `poll` runs while it keeps being retried;
 * `closed`: unsubscribed.
 */
export type LiveState = "connecting" | "live" | "polling" | "closed"

export type LiveStreamOptions = {
  /**
   * Opens one connection. `lastEventId` is the id of the last event received
   * (send it as `Last-Event-ID` so the server replays what was missed).
   * Throw, or answer other than 2xx, to count a failed attempt.
   */
  connect: (request: { lastEventId: string | null; signal: AbortSignal }) => Promise<Response>
  onMessage: (message: StreamMessage) => void
  /** Where to resume: the id of the last event seen before this stream (e.g. by another tab). */
  lastEventId?: string | null
  onState?: (state: LiveState) => void
  /** A failed attempt or a failed poll (the stream keeps being retried). */
  onError?: (error: unknown) => void
  /** Called every `pollMs` while the stream is down after repeated failures. */
  poll?: () => Promise<void> | void
  /** Default 30 000. */
  pollMs?: number
  /** Failed attempts in a row before `poll` starts (default 3). */
  failuresBeforePolling?: number
  /** The first retry delay (default 1 000 ms), doubling per failed attempt… */
  minDelayMs?: number
  /** …up to this (default 60 000 ms): how often a stream that stays down is tried again. */
  maxDelayMs?: number
  /**
   * A stream that received nothing, not even the server's heartbeat comment
   * (every 15 s), for this long is presumed dead and reopened (default 45 000 ms):
   * proxies that drop idle connections silently do not leave it hanging.
   */
  idleTimeoutMs?: number
}

export class StreamRefusedError extends Error {
  constructor(readonly status: number, readonly retryAfterMs: number | null) {
    super(`The stream answered ${status}`)
    this.name = "StreamRefusedError"
  }
}

/** `Retry-After` in seconds or as a date, in ms from now. */
function retryAfterMs(header: string | null): number | null {
  if (!header) {
    return null
  }
  const seconds = Number(header)
  if (Number.isFinite(seconds)) {
    return Math.max(0, seconds * 1000)
  }
  const date = Date.parse(header)
  return Number.isNaN(date) ? null : Math.max(0, date - Date.now())
}

/** Between half and all of `ms`: clients that lost the same server do not all come back at once. */
const jitter = (ms: number) => ms / 2 + Math.random() * (ms / 2)

/**
 * Keeps one Server-Sent Events stream open over `fetch` (not `EventSource`:
 * each reconnect needs a fresh one-use ticket, the `Last-Event-ID` of the
 * last event received, and the answer's status and `Retry-After`, none of
 * which `EventSource` allows). Reconnects with exponential backoff and
 * jitter; after repeated failures calls `poll` every `pollMs` until the
 * stream is back. Returns the function that closes it.
 */
export function openLiveStream(options: LiveStreamOptions): () => void {
  const {
    connect,
    onMessage,
    onState,
    onError,
    poll,
    pollMs = 30_000,
    failuresBeforePolling = 3,
    minDelayMs = 1_000,
    maxDelayMs = 60_000,
    idleTimeoutMs = 45_000,
  } = options
  let closed = false
  let state: LiveState | null = null
  let lastEventId = options.lastEventId ?? null
  let attempt: AbortController | null = null
  let wake: (() => void) | null = null
  let pollTimer: ReturnType<typeof setInterval> | undefined

  const setState = (next: LiveState) => {
    if (next !== state) {
      state = next
      onState?.(next)
    }
  }

  const runPoll = async () => {
    try {
      await poll?.()
    } catch (error) {
      onError?.(error)
    }
  }
  const startPolling = () => {
    setState("polling")
    if (poll && pollTimer === undefined) {
      void runPoll()
      pollTimer = setInterval(() => void runPoll(), pollMs)
    }
  }
  const stopPolling = () => {
    if (pollTimer !== undefined) {
      clearInterval(pollTimer)
      pollTimer = undefined
    }
  }

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms)
      function done() {
        clearTimeout(timer)
        wake = null
        resolve()
      }
      wake = done
    })

  /** Reads the stream until it ends; returns the server's `retry:` if it sent one. */
  const read = async (body: ReadableStream<Uint8Array>, controller: AbortController) => {
    let retry: number | null = null
    const parser = createParser({
      onEvent: (message) => {
        if (message.id !== undefined) {
          lastEventId = message.id
        }
        onMessage({ id: message.id ?? null, event: message.event ?? "message", data: message.data })
      },
      onRetry: (ms) => {
        retry = ms
      },
    })
    const reader = body.getReader()
    const decoder = new TextDecoder()
    let idle: ReturnType<typeof setTimeout> | undefined
    const armIdle = () => {
      clearTimeout(idle)
      idle = setTimeout(() => controller.abort(), idleTimeoutMs)
    }
    try {
      armIdle()
      for (;;) {
        const { done, value } = await reader.read()
        if (done) {
          break
        }
        armIdle()
        parser.feed(decoder.decode(value, { stream: true }))
      }
    } finally {
      clearTimeout(idle)
      reader.releaseLock()
    }
    return retry
  }

  const run = async () => {
    let failures = 0
    while (!closed) {
      if (failures < failuresBeforePolling) {
        setState("connecting")
      }
      const controller = new AbortController()
      attempt = controller
      let opened = false
      let delay: number | null = null
      try {
        const response = await connect({ lastEventId, signal: controller.signal })
        if (!response.ok || !response.body) {
          void response.body?.cancel().catch(() => undefined)
          throw new StreamRefusedError(response.status, retryAfterMs(response.headers.get("retry-after")))
        }
        opened = true
        failures = 0
        stopPolling()
        setState("live")
        const retry = await read(response.body, controller)
        // the server's `retry:` is already jittered
        delay = retry
      } catch (error) {
        if (closed) {
          break
        }
        if (!opened) {
          failures += 1
          onError?.(error)
        }
        if (error instanceof StreamRefusedError && error.retryAfterMs !== null) {
          delay = error.retryAfterMs + jitter(minDelayMs)
        }
      }
      if (closed) {
        break
      }
      if (failures >= failuresBeforePolling) {
        startPolling()
      }
      // a stream that ends after being open comes back at once; failures back off
      delay ??= opened ? jitter(minDelayMs) : jitter(Math.min(maxDelayMs, minDelayMs * 2 ** (failures - 1)))
      await sleep(delay)
    }
  }

  void run()

  return () => {
    if (closed) {
      return
    }
    closed = true
    stopPolling()
    attempt?.abort()
    wake?.()
    setState("closed")
  }
}

/** The typed event of a message (`data` is JSON); null for one that is not JSON. */
export function parseStreamEvent<T extends { type: string; id: string | null; data: unknown }>(
  message: StreamMessage
): T | null {
  try {
    return { type: message.event, id: message.id, data: message.data ? JSON.parse(message.data) : {} } as T
  } catch {
    return null
  }
}
