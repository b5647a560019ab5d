import type { LiveFact, LiveFactListener } from "../types"

/** How facts recorded in one process reach the streams of every process. */
export interface LiveBus {
  publish(channel: string, facts: LiveFact[]): Promise<void>
  /** Starts delivering the channel's facts to `listener`; returns the way to stop. */
  subscribe(channel: string, listener: LiveFactListener): () => void
  close(): Promise<void>
}
