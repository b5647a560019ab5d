import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { Logger } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { LIVE_EVENTS_MODULE } from "../../../modules/live-events"
import type LiveEventsModuleService from "../../../modules/live-events/service"
import type { LiveFact } from "../../../modules/live-events/types"
import { withoutCompression } from "../medusa-seams/sse-without-compression"
import type { PendingEvent, StreamFeed } from "./feed"
import { SseStream, StreamEvent } from "./sse-stream"
import { streamHub } from "./stream-hub"

/** Facts read per query while replaying. */
const REPLAY_PAGE = 500

export const liveEventsService = (req: MedusaRequest) =>
  req.scope.resolve<LiveEventsModuleService>(LIVE_EVENTS_MODULE)

/** `Last-Event-ID` (header, as browsers resend it; or `last_event_id` for clients that reconnect by hand). */
function lastEventId(req: MedusaRequest): number | "invalid" | undefined {
  const raw = req.get("last-event-id") ?? (req.query as Record<string, unknown>)?.last_event_id
  if (raw === undefined || raw === "") {
    return undefined
  }
  return typeof raw === "string" && /^\d{1,15}$/.test(raw) ? Number(raw) : "invalid"
}

/** Answers a stream the caps refuse: 503 with `Retry-After`, or null when it may open. */
export function refuseOverCaps(req: MedusaRequest, res: MedusaResponse, actor: string): boolean {
  const refusal = streamHub().admit(actor, liveEventsService(req).getOptions().liveUpdates)
  if (!refusal) {
    return false
  }
  res.set("Retry-After", String(refusal.retry_after_seconds))
  res.status(503).json({ type: "unavailable", message: refusal.message })
  return true
}

/**
 * Runs one admitted stream (see `refuseOverCaps`) until the client leaves,
 * the reader may no longer follow, or the process stops. Order of work:
 * join the feed first, then replay from Postgres what `Last-Event-ID`
 * missed (or `resync` when it is past retention), then the counts, then
 * live facts, each stream's work in one queue so events never cross.
 */
export async function runStream(req: MedusaRequest, res: MedusaResponse, actor: string, feed: StreamFeed) {
  const liveEvents = liveEventsService(req)
  const logger = req.scope.resolve<Logger>(ContainerRegistrationKeys.LOGGER)
  const options = liveEvents.getOptions().liveUpdates
  const hub = streamHub()

  withoutCompression(req)
  const stream = new SseStream(res)
  // jitter: after a restart, clients do not all come back in the same second
  stream.open(options.retryMs + Math.floor(Math.random() * options.retryMs))

  let queue = Promise.resolve()
  const enqueue = (task: () => Promise<void>) => {
    queue = queue
      .then(() => (stream.closed ? undefined : task()))
      .catch((error: Error) => {
        logger.warn(`affiliate messaging: live update stream ended: ${error.message}`)
        stream.close()
      })
  }
  let lastId = 0
  const send = (id: number, events: PendingEvent[]) => {
    lastId = Math.max(lastId, id)
    stream.send(events.map((event): StreamEvent => ({ id, ...event })))
  }
  const sendCounts = async (id: number, forced: boolean) => {
    const counts = await feed.counts(forced)
    send(id, counts.events)
    if (counts.end) {
      stream.close()
    }
  }
  const resync = async () => {
    const head = await liveEvents.retrieveHeadSeq()
    send(head, [{ event: "resync", data: {} }])
    await sendCounts(head, true)
  }
  const replayed = new Set<number>()
  const deliver = async (fact: LiveFact, replaying: boolean) => {
    const outcome = await feed.outcomeOf(fact)
    send(fact.seq, outcome.events)
    if (outcome.end) {
      await sendCounts(fact.seq, true)
      stream.close()
    } else if (outcome.counts && !replaying) {
      await sendCounts(fact.seq, outcome.events.length > 0)
    }
  }

  const member = {
    actor,
    onFact: (fact: LiveFact) =>
      enqueue(async () => {
        if (!replayed.delete(fact.seq)) {
          await deliver(fact, false)
        }
      }),
    onGap: () => enqueue(resync),
    end: () => stream.close(),
  }
  stream.onClose(() => {
    hub.detach(member)
    hub.release(actor)
  })

  const heartbeat = setInterval(() => {
    stream.comment("keep-alive")
    enqueue(async () => {
      if (!(await feed.stillAllowed())) {
        // a suspension noticed here before its event: the member still learns why
        await sendCounts(lastId, false)
        stream.close()
      }
    })
  }, options.heartbeatSeconds * 1000)
  stream.onClose(() => clearInterval(heartbeat))

  enqueue(async () => {
    // the feed is joined before the log is read: nothing falls between the two
    await hub.attach(member, liveEvents)
    if (stream.closed) {
      return hub.detach(member)
    }
    const last = lastEventId(req)
    if (last === undefined) {
      return sendCounts(await liveEvents.retrieveHeadSeq(), true)
    }
    if (last === "invalid" || !(await liveEvents.retrieveReplayWindow(last)).complete) {
      return resync()
    }
    let after = last
    for (;;) {
      const facts = await liveEvents.listFactsAfter(after, REPLAY_PAGE)
      for (const fact of facts) {
        replayed.add(fact.seq)
        await deliver(fact, true)
        after = fact.seq
      }
      if (facts.length < REPLAY_PAGE || stream.closed) {
        break
      }
    }
    await sendCounts(after, true)
  })
}
