import type { MedusaRequest } from "@medusajs/framework/http"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type { IAffiliateModuleService, MemberAccess } from "../../../types/affiliate-module"
import type { LiveFact } from "../../../modules/live-events/types"
import { isVisibleToMember } from "../../../utils/conversation-visibility"
import { messagingAvailability } from "../../../utils/shared/messaging-availability"
import { messagingService } from "../conversation-views"
import { FactOutcome, messageCreated, NOTHING, PendingEvent, readReceipt, StreamFeed } from "./feed"
import { LoginBinding, loginHolds } from "./login-check"

type MessagingState = { enabled: boolean; unread_count: number }

/**
 * One member's view of the live log, decided again for every fact with the
 * app's own rules (src/utils/conversation-visibility.ts,
 * messaging-availability.ts) and the member's access as it is now: its
 * affiliate's and its own member thread only; nothing about a thread it
 * cannot see, not even its id; no message events while messaging is off
 * for it or its affiliate is suspended, and the stream ends on suspension.
 */
export function memberFeed(req: MedusaRequest, memberId: string, affiliateId: string, login: LoginBinding): StreamFeed {
  let sent: MessagingState | null = null
  /** The state a message's check just read: the counts that follow it reuse it instead of reading it again. */
  let fresh: ReturnType<typeof state> | null = null

  const access = () =>
    req.scope.resolve<IAffiliateModuleService>(AFFILIATE_MODULE).retrieveMemberAccess(memberId)

  /** The member's messaging state, or null when it may no longer follow at all. */
  async function state(member: MemberAccess | null): Promise<(MessagingState & { suspended: boolean }) | null> {
    if (!member || member.affiliate_id !== affiliateId) {
      return null
    }
    const { settings, unread_count } = await messagingService(req.scope).retrieveMemberMessagingStatus({
      affiliate_id: member.affiliate_id,
      member_id: member.id,
    })
    const suspended = member.affiliate.status === "suspended"
    return { enabled: !suspended && messagingAvailability(settings, member.affiliate.group).enabled, unread_count, suspended }
  }

  async function followable(): Promise<MemberAccess | null> {
    const member = await access()
    return member && member.affiliate_id === affiliateId && member.affiliate.status !== "suspended" ? member : null
  }

  return {
    async outcomeOf(fact: LiveFact): Promise<FactOutcome> {
      fresh = null
      switch (fact.name) {
        case "message.created": {
          // cheap refusals first: most facts are about other affiliates
          if (fact.affiliate_id !== affiliateId || (fact.member_id !== null && fact.member_id !== memberId)) {
            return NOTHING
          }
          const member = await followable()
          if (!member) {
            return { events: [], counts: true, end: true }
          }
          const conversation = { affiliate_id: fact.affiliate_id, member_id: fact.member_id }
          const current = await (fresh = state(member))
          if (!current?.enabled || !isVisibleToMember(conversation, member)) {
            return { events: [], counts: true }
          }
          return { events: [messageCreated(fact)], counts: true }
        }
        case "conversation.read":
        case "conversation.unread":
          // the owners' shared state is not the member's; its own reads are
          return fact.member_id === memberId && fact.data?.reader_type === "affiliate" ? readReceipt(fact) : NOTHING
        case "affiliate.updated":
          return fact.affiliate_id === affiliateId ? { events: [], counts: true } : NOTHING
        case "group.updated":
        case "settings.updated":
          return { events: [], counts: true }
        default:
          return NOTHING
      }
    },

    async counts(forced: boolean): Promise<{ events: PendingEvent[]; end?: boolean }> {
      const current = await (fresh ?? state(await access()))
      fresh = null
      const next: MessagingState = current
        ? { enabled: current.enabled, unread_count: current.unread_count }
        : { enabled: false, unread_count: 0 }
      const changed = !sent || sent.enabled !== next.enabled || sent.unread_count !== next.unread_count
      sent = next
      const end = !current || current.suspended
      return { events: forced || changed || end ? [{ event: "messaging", data: next }] : [], end }
    },

    async stillAllowed() {
      return (await followable()) !== null && (await loginHolds(req, login))
    },
  }
}
