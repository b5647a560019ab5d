import type { MedusaRequest } from "@medusajs/framework/http"
import type { LiveFact } from "../../../modules/live-events/types"
import { messagingService } from "../conversation-views"
import { FactOutcome, messageCreated, NOTHING, readReceipt, StreamFeed } from "./feed"
import { LoginBinding, loginHolds } from "./login-check"

/** The inbox's unread count once per fact and process, however many admin streams are open. */
const inboxCounts = { seq: -1, value: Promise.resolve(0) }

function inboxUnreadCount(req: MedusaRequest, seq: number | null): Promise<number> {
  const read = () =>
    messagingService(req.scope)
      .listInbox({ limit: 0, offset: 0 })
      .then((inbox) => inbox.unread_count)
  if (seq === null) {
    return read()
  }
  if (inboxCounts.seq !== seq) {
    inboxCounts.seq = seq
    inboxCounts.value = read()
  }
  return inboxCounts.value
}

/**
 * The shared inbox as admins follow it: every new message, the owners'
 * shared read state, and the inbox's unread count after each change.
 */
export function ownerFeed(req: MedusaRequest, login: LoginBinding): StreamFeed {
  let lastSeq: number | null = null
  return {
    async outcomeOf(fact: LiveFact): Promise<FactOutcome> {
      lastSeq = fact.seq
      switch (fact.name) {
        case "message.created":
          return { events: [messageCreated(fact)], counts: true }
        case "conversation.read":
        case "conversation.unread":
          return fact.data?.reader_type === "owner" ? readReceipt(fact) : NOTHING
        default:
          return NOTHING
      }
    },
    async counts() {
      const seq = lastSeq
      lastSeq = null
      return { events: [{ event: "inbox", data: { unread_count: await inboxUnreadCount(req, seq) } }] }
    },
    stillAllowed: () => loginHolds(req, login),
  }
}
