import type { ServerResponse } from "http"
import { finished } from "stream"

/** See the `quietMs` of RequestsInFlight. */
export const QUIET_MS = 25

/**
 * The HTTP requests this process is answering, and a way for background
 * work to wait for a moment with none (decision 0038). In a Medusa process
 * that serves requests and runs jobs (`workerMode: "shared"`), both share
 * one event loop: a delivery job started while requests are being answered
 * adds its whole cost to their response times. A process whose
 * `workerMode` is `worker` serves no routes, so nothing is counted there
 * and nothing waits.
 *
 * Counted by a middleware on every route (`track`); an event stream stops
 * counting once it is open (`untrack`): it waits idle for hours.
 */
export class RequestsInFlight {
  protected count_ = 0
  /** When the count last fell to 0 (0: never counted). */
  protected idleSince_ = 0
  protected quietTimer_?: NodeJS.Timeout
  protected readonly leaves_ = new WeakMap<ServerResponse, () => void>()
  protected readonly waiting_ = new Set<() => void>()

  /**
   * @param quietMs How long no request must be in flight for the process to
   * count as idle: under steady traffic the count touches 0 for an instant
   * between two requests (each spends its first milliseconds in Medusa's
   * body parser and authentication, before any plugin middleware sees it),
   * which is no pause in the traffic.
   */
  constructor(protected readonly quietMs = QUIET_MS) {}

  get count(): number {
    return this.count_
  }

  /** Counts the request of `res` until its response is finished or its connection closes. */
  track(res: ServerResponse): void {
    if (this.leaves_.has(res)) {
      return
    }
    if (this.count_++ === 0) {
      clearTimeout(this.quietTimer_)
      this.quietTimer_ = undefined
    }
    const leave = () => {
      if (this.leaves_.get(res) !== leave) {
        return
      }
      this.leaves_.delete(res)
      if (--this.count_ === 0) {
        this.idleSince_ = Date.now()
        this.resumeWhenQuiet()
      }
    }
    this.leaves_.set(res, leave)
    // not res.once("close"): a client that left while Medusa authenticated
    // or parsed its request closed the response before this saw it, and
    // `finished` calls back for a response that is already closed
    finished(res, leave)
  }

  /** Stops counting the request of `res` (an event stream, once open). */
  untrack(res: ServerResponse): void {
    this.leaves_.get(res)?.()
  }

  /**
   * Resolves once no request has been in flight for `quietMs`, or after
   * `maxMs` at the latest: background work gets its turn under constant
   * traffic too.
   */
  whenIdle(maxMs: number): Promise<void> {
    if (maxMs <= 0 || this.quietFor() <= 0) {
      return Promise.resolve()
    }
    return new Promise((resolve) => {
      const resume = () => {
        clearTimeout(timer)
        this.waiting_.delete(resume)
        resolve()
      }
      const timer = setTimeout(resume, maxMs)
      this.waiting_.add(resume)
      this.resumeWhenQuiet()
    })
  }

  /** Milliseconds until the process counts as idle; Infinity while requests are in flight. */
  protected quietFor(): number {
    return this.count_ > 0 ? Infinity : this.quietMs - (Date.now() - this.idleSince_)
  }

  protected resumeWhenQuiet(): void {
    const wait = this.quietFor()
    if (!this.waiting_.size || wait === Infinity || this.quietTimer_) {
      return
    }
    this.quietTimer_ = setTimeout(() => {
      this.quietTimer_ = undefined
      const waiting = [...this.waiting_]
      this.waiting_.clear()
      waiting.forEach((resume) => resume())
    }, Math.max(0, wait))
  }
}

/**
 * One per process. Kept on `globalThis` so that the middleware and the
 * queue consumer share it even when a bundler or a test runner loads this
 * file twice.
 */
const KEY = Symbol.for("medusa-plugin-affiliate-messaging.requests-in-flight")
export const requestsInFlight: RequestsInFlight = ((globalThis as Record<symbol, unknown>)[KEY] ??=
  new RequestsInFlight()) as RequestsInFlight
