import type { LiveFact, LiveFactListener } from "../types"
import type { LiveBus } from "./types"

/** Without Redis: one process writes and streams, so its listeners are all there is. */
export class LocalBus implements LiveBus {
  protected readonly listeners = new Set<LiveFactListener>()

  async publish(_channel: string, facts: LiveFact[]): Promise<void> {
    for (const listener of this.listeners) {
      for (const fact of facts) {
        listener.onFact(fact)
      }
    }
  }

  subscribe(_channel: string, listener: LiveFactListener): () => void {
    this.listeners.add(listener)
    return () => void this.listeners.delete(listener)
  }

  async close(): Promise<void> {
    this.listeners.clear()
  }
}
