import type { ResolvedLiveUpdateOptions } from "../../../types/options"
import type { LiveFact, LiveFactListener } from "../../../modules/live-events/types"
import type LiveEventsModuleService from "../../../modules/live-events/service"

/** One open stream as the hub sees it. */
export type HubStream = LiveFactListener & { actor: string; end(): void }

export type Refusal = { message: string; retry_after_seconds: number }

/**
 * The streams of this process: their caps, the one feed listener they share,
 * and their end when the process stops. Medusa's `medusa start` waits on
 * open responses before it shuts down (`GracefulShutdownServer` without a
 * timeout), so the hub ends every stream at SIGTERM/SIGINT itself; the
 * clients reconnect to another process.
 */
class StreamHub {
  protected readonly streams = new Set<HubStream>()
  protected readonly perActor = new Map<string, number>()
  protected listening?: Promise<unknown>
  protected stopping = false
  protected signalsHooked = false

  /** Counts the stream in at once (before any await), or says why not. */
  admit(actor: string, limits: ResolvedLiveUpdateOptions): Refusal | null {
    if (this.stopping) {
      return { message: "This server is shutting down; reconnect to another", retry_after_seconds: 1 }
    }
    if (this.size() >= limits.maxStreamsPerProcess) {
      return { message: "This server holds as many live update streams as it may", retry_after_seconds: 30 }
    }
    const held = this.perActor.get(actor) ?? 0
    if (held >= limits.maxStreamsPerActor) {
      return {
        message: `At most ${limits.maxStreamsPerActor} live update streams may be open at once; close one`,
        retry_after_seconds: 30,
      }
    }
    this.perActor.set(actor, held + 1)
    return null
  }

  /** Undoes `admit` once the stream has ended. */
  release(actor: string): void {
    const held = (this.perActor.get(actor) ?? 1) - 1
    if (held > 0) {
      this.perActor.set(actor, held)
    } else {
      this.perActor.delete(actor)
    }
  }

  async attach(stream: HubStream, liveEvents: LiveEventsModuleService): Promise<void> {
    this.hookSignals()
    this.listening ??= liveEvents.listen({
      onFact: (fact: LiveFact) => this.streams.forEach((open) => open.onFact(fact)),
      onGap: () => this.streams.forEach((open) => open.onGap()),
    })
    this.streams.add(stream)
    await this.listening
  }

  detach(stream: HubStream): void {
    this.streams.delete(stream)
  }

  size(): number {
    let total = 0
    this.perActor.forEach((held) => (total += held))
    return total
  }

  protected hookSignals(): void {
    if (this.signalsHooked) {
      return
    }
    this.signalsHooked = true
    const stop = () => {
      this.stopping = true
      this.streams.forEach((stream) => stream.end())
    }
    process.once("SIGTERM", stop)
    process.once("SIGINT", stop)
  }
}

/** One hub per process, even when the plugin's code is loaded twice. */
const HUB = Symbol.for("medusa-plugin-affiliate-messaging.stream-hub")

export function streamHub(): StreamHub {
  const scope = globalThis as unknown as Record<symbol, StreamHub | undefined>
  return (scope[HUB] ??= new StreamHub())
}
