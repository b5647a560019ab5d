import type { AdminAffiliateGroup, Conversation, MessagingSettings } from "../../types/http"
import { messagingAvailability } from "../../utils/shared/messaging-availability"

/** Why the store cannot write in a thread, and where that can be changed. */
export type OwnerWriteBlock = { title: string; description: string; action: { label: string; to: string } }

/**
 * The server's rules for owner writes (design: messaging enabled globally and
 * for the group; the affiliate pending or active), so the composer can say
 * why it is unavailable instead of failing on send.
 */
export function ownerWriteBlock(
  conversation: Conversation,
  settings: MessagingSettings | undefined,
  group: AdminAffiliateGroup | undefined
): OwnerWriteBlock | null {
  const affiliate = conversation.affiliate
  if (settings) {
    const availability = messagingAvailability(settings, group ?? null)
    if (availability.reason === "global") {
      return {
        title: "Messaging is turned off",
        description: "Affiliate messaging is off for the whole store, so nobody can send messages.",
        action: { label: "Turn on in settings", to: "/settings/affiliate-messaging" },
      }
    }
    if (availability.reason === "group" && group) {
      return {
        title: `Messaging is off for the group "${group.name}"`,
        description: `${affiliate.name} sees this instead of a reply box: "${availability.disabled_message}"`,
        action: { label: "Open group settings", to: `/affiliates/groups/${group.id}` },
      }
    }
  }
  if (affiliate.status === "declined" || affiliate.status === "suspended") {
    return {
      title: `${affiliate.name} is ${affiliate.status}`,
      description: "Threads with declined or suspended affiliates are read-only.",
      action: { label: "Open affiliate", to: `/affiliates/${affiliate.id}` },
    }
  }
  return null
}
