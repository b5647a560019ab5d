import type { Logger } from "@medusajs/framework/types"
import IORedis, { type RedisOptions } from "ioredis"
import type { LiveFact, LiveFactListener } from "../types"
import type { LiveBus } from "./types"

/**
 * Redis pub/sub: every server process receives every fact, whichever
 * process (server or worker) recorded it. The subscriber has a connection of
 * its own (a subscribed connection runs no other commands), opened with the
 * first stream. Pub/sub keeps nothing for a disconnected subscriber, so
 * after a reconnection (ioredis subscribes again by itself) the listeners
 * hear of the gap and their streams resync.
 */
export class RedisBus implements LiveBus {
  protected publisher?: IORedis
  protected subscriber?: IORedis
  protected readonly listeners = new Map<string, Set<LiveFactListener>>()
  protected interrupted = false

  constructor(
    protected readonly url: string,
    protected readonly logger: Logger
  ) {}

  async publish(channel: string, facts: LiveFact[]): Promise<void> {
    // no offline queue: a publish during an outage fails at once (the facts
    // are in Postgres; the subscribers resync when Redis is back)
    this.publisher ??= this.connect({ enableOfflineQueue: false, maxRetriesPerRequest: 1 })
    try {
      await this.publisher.publish(channel, JSON.stringify(facts))
    } catch (error) {
      this.logger.warn(`affiliate messaging: live update not published, streams will resync: ${(error as Error).message}`)
    }
  }

  subscribe(channel: string, listener: LiveFactListener): () => void {
    const subscriber = (this.subscriber ??= this.openSubscriber())
    let listeners = this.listeners.get(channel)
    if (!listeners) {
      listeners = new Set()
      this.listeners.set(channel, listeners)
      subscriber.subscribe(channel).catch((error: Error) => {
        this.logger.warn(`affiliate messaging: live updates not subscribed: ${error.message}`)
        this.notifyGap()
      })
    }
    listeners.add(listener)
    return () => void listeners.delete(listener)
  }

  async close(): Promise<void> {
    this.listeners.clear()
    await Promise.all([this.publisher, this.subscriber].map((client) => client?.quit().catch(() => client.disconnect())))
  }

  protected openSubscriber(): IORedis {
    const subscriber = this.connect({ maxRetriesPerRequest: null, autoResubscribe: true })
    subscriber.on("message", (channel: string, message: string) => {
      const listeners = this.listeners.get(channel)
      if (!listeners?.size) {
        return
      }
      const facts = JSON.parse(message) as LiveFact[]
      for (const listener of listeners) {
        for (const fact of facts) {
          listener.onFact(fact)
        }
      }
    })
    subscriber.on("close", () => {
      this.interrupted = true
    })
    // ioredis has subscribed again once "ready" follows a reconnection
    subscriber.on("ready", () => {
      if (this.interrupted) {
        this.interrupted = false
        this.notifyGap()
      }
    })
    return subscriber
  }

  protected notifyGap() {
    for (const listeners of this.listeners.values()) {
      for (const listener of listeners) {
        listener.onGap()
      }
    }
  }

  protected connect(options: RedisOptions): IORedis {
    const client = new IORedis(this.url, options)
    let warned = false
    client.on("error", (error: Error) => {
      if (!warned) {
        warned = true
        this.logger.warn(`affiliate messaging: live updates lost Redis: ${error.message}`)
      }
    })
    client.on("ready", () => {
      warned = false
    })
    return client
  }
}
