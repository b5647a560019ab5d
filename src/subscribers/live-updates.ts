import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { LRUCache } from "lru-cache"
import { LIVE_EVENTS_MODULE } from "../modules/live-events"
import type LiveEventsModuleService from "../modules/live-events/service"
import type { LiveFactInput } from "../modules/live-events/types"
import { MESSAGING_MODULE } from "../modules/messaging"
import type { IMessagingModuleService } from "../types/messaging-module"
import { AffiliateEvents } from "../types/affiliate"
import { MessagingEvents } from "../types/messaging"

type EventData = {
  id: string
  conversation_id?: string
  author_type?: string
  reader_type?: "owner" | "affiliate"
  reader_id?: string
}

/**
 * Committed changes → the live updates' log and feed. Runs where Medusa runs
 * subscribers (the worker with the Redis event bus, else the one process),
 * after the write's transaction: a stream never announces what a refetch
 * would not find.
 */
export default async function liveUpdatesHandler({ event, container }: SubscriberArgs<EventData>) {
  const fact = await factOf(event.name, event.data, container.resolve<IMessagingModuleService>(MESSAGING_MODULE))
  if (fact) {
    await container.resolve<LiveEventsModuleService>(LIVE_EVENTS_MODULE).record([fact])
  }
}

async function factOf(
  name: string,
  data: EventData,
  messaging: IMessagingModuleService
): Promise<LiveFactInput | null> {
  switch (name) {
    case MessagingEvents.MESSAGE_CREATED: {
      const audience = await audienceOf(data.conversation_id!, messaging)
      return audience
        ? {
            name: "message.created",
            conversation_id: data.conversation_id,
            affiliate_id: audience.affiliate_id,
            member_id: audience.member_id,
            data: { message_id: data.id, author_type: data.author_type },
          }
        : null
    }
    case MessagingEvents.CONVERSATION_READ:
    case MessagingEvents.CONVERSATION_UNREAD:
      return {
        name: name === MessagingEvents.CONVERSATION_READ ? "conversation.read" : "conversation.unread",
        conversation_id: data.id,
        // a member's own read state concerns that member only
        member_id: data.reader_type === "affiliate" ? data.reader_id : null,
        data: { reader_type: data.reader_type },
      }
    case AffiliateEvents.AFFILIATE_UPDATED:
      return { name: "affiliate.updated", affiliate_id: data.id }
    case AffiliateEvents.GROUP_UPDATED:
      return { name: "group.updated", group_id: data.id }
    case MessagingEvents.SETTINGS_UPDATED:
      return { name: "settings.updated" }
    default:
      return null
  }
}

type Audience = { affiliate_id: string; member_id: string | null }

/** Threads written to lately, by id; a thread's audience never changes, so it is read once per process. */
const audiences = new LRUCache<string, Audience>({ max: 10_000 })

async function audienceOf(conversationId: string, messaging: IMessagingModuleService): Promise<Audience | null> {
  const known = audiences.get(conversationId)
  if (known) {
    return known
  }
  const conversation = await messaging.findConversation(conversationId)
  if (!conversation) {
    return null
  }
  const audience = { affiliate_id: conversation.affiliate_id, member_id: conversation.member_id }
  audiences.set(conversationId, audience)
  return audience
}

export const config: SubscriberConfig = {
  event: [
    MessagingEvents.MESSAGE_CREATED,
    MessagingEvents.CONVERSATION_READ,
    MessagingEvents.CONVERSATION_UNREAD,
    AffiliateEvents.AFFILIATE_UPDATED,
    AffiliateEvents.GROUP_UPDATED,
    MessagingEvents.SETTINGS_UPDATED,
  ],
  context: { subscriberId: "affiliate-messaging-live-updates" },
}
