import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { conflict } from "../../../utils/errors"
import { messagingAvailability } from "../../../utils/shared/messaging-availability"
import type { MessagingContext } from "./load-messaging-context"

/**
 * The owner may start a thread only with an active affiliate and write in an
 * existing one while the affiliate is pending or active, and never while
 * messaging is disabled for it. Each refusal is a 409 saying why.
 *
 * @example
 * ensureOwnerCanWriteStep(context)
 */
export const ensureOwnerCanWriteStep = createStep(
  "ensure-owner-can-write",
  async (context: MessagingContext) => {
    const refusal = ownerWriteRefusal(context)
    if (refusal) {
      throw refusal
    }
    return new StepResponse(void 0)
  }
)

/** Why the owner may not write in this context (a 409 saying why), or null when it may. */
export function ownerWriteRefusal(context: Pick<MessagingContext, "affiliate" | "group" | "settings" | "conversation">) {
  const { affiliate, group, settings, conversation } = context
  const availability = messagingAvailability(settings, group)
  if (!availability.enabled) {
    return conflict(
      availability.reason === "global"
        ? "Messaging is turned off for the whole program; turn it on in the messaging settings"
        : `Messaging is disabled for the affiliate group "${group?.name}"; enable it on the group to write`
    )
  }
  if (!conversation && affiliate.status !== "active") {
    return conflict(
      `A conversation can only be started with an active affiliate; ${affiliate.affiliate_name} is ${affiliate.status}`
    )
  }
  if (affiliate.status === "declined" || affiliate.status === "suspended") {
    return conflict(`${affiliate.affiliate_name} is ${affiliate.status}; its conversations are read-only`)
  }
  return null
}
