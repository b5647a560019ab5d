import type { MedusaResponse } from "@medusajs/framework/http"
import { requestsInFlight } from "../../../utils/requests-in-flight"

/** One Server-Sent Event; `id` is the live log's seq, what `Last-Event-ID` sends back. */
export type StreamEvent = { id: number; event: string; data: object }

export const SSE_HEADERS = {
  "Content-Type": "text/event-stream",
  "Cache-Control": "no-cache, no-transform",
  "X-Accel-Buffering": "no",
  Connection: "keep-alive",
} as const

export function eventFrames(events: StreamEvent[]): string {
  return events.map(({ id, event, data }) => `id: ${id}\nevent: ${event}\ndata: ${JSON.stringify(data)}\n\n`).join("")
}

/** The response side of one stream: frames written at once, ended once. */
export class SseStream {
  closed = false
  protected readonly closers: (() => void)[] = []

  constructor(protected readonly res: MedusaResponse) {
    // the response's close, not the request's: a request emits "close" once its (empty) body is read
    res.on("close", () => this.close())
  }

  /** Headers and `retry:` go out at once: proxies and clients see a live stream before the first event. */
  open(retryMs: number): void {
    // setHeader, not Express's set(): that would append "; charset=utf-8" to the content type
    this.res.statusCode = 200
    for (const [name, value] of Object.entries(SSE_HEADERS)) {
      this.res.setHeader(name, value)
    }
    this.res.flushHeaders()
    this.res.socket?.setNoDelay(true)
    this.res.write(`retry: ${retryMs}\n\n`)
    // an open stream waits idle for hours: background work need not wait for it
    requestsInFlight.untrack(this.res)
  }

  send(events: StreamEvent[]): void {
    if (!this.closed && events.length) {
      this.res.write(eventFrames(events))
    }
  }

  /** A comment line: ignored by clients, it keeps proxies from closing an idle stream. */
  comment(text: string): void {
    if (!this.closed) {
      this.res.write(`: ${text}\n\n`)
    }
  }

  onClose(closer: () => void): void {
    this.closers.push(closer)
  }

  close(): void {
    if (this.closed) {
      return
    }
    this.closed = true
    this.res.end()
    for (const closer of this.closers) {
      closer()
    }
  }
}
