import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type { IAffiliateModuleService } from "../../../types/affiliate-module"
import { MESSAGING_MODULE } from "../../../modules/messaging"
import type { IMessagingModuleService } from "../../../types/messaging-module"
import type { AudienceMember, BroadcastAudience } from "../../../types/broadcast"

/**
 * A broadcast's audience as it stands now, each affiliate with its final
 * skip reason: the affiliate module's (group switched off, status, no
 * members), then the messaging module's facts: messaging switched off for
 * the whole program skips everyone, and a pending affiliate can be
 * written to only in a team thread it already has. Writes nothing.
 *
 * @example
 * const members = resolveBroadcastAudienceStep({ group_ids: ["affgrp_1"], statuses: ["active"] })
 */
export const resolveBroadcastAudienceStep = createStep(
  "resolve-broadcast-audience",
  async (audience: BroadcastAudience, { container }) => {
    const messaging = container.resolve<IMessagingModuleService>(MESSAGING_MODULE)
    const [members, settings] = await Promise.all([
      container.resolve<IAffiliateModuleService>(AFFILIATE_MODULE).resolveBroadcastAudience(audience),
      messaging.retrieveSettings(),
    ])
    const pending = members.filter((member) => member.affiliate_status === "pending" && (!member.reason || member.reason === "no_members"))
    const withThread = new Set(await messaging.listAffiliatesWithTeamThread(pending.map((member) => member.affiliate_id)))
    const resolved: AudienceMember[] = members.map((member) => {
      if (!settings.enabled) {
        return { ...member, reason: "messaging_disabled" }
      }
      if (member.affiliate_status === "pending" && member.reason !== "messaging_disabled" && !withThread.has(member.affiliate_id)) {
        return { ...member, reason: "not_allowed" }
      }
      return member
    })
    return new StepResponse(resolved)
  }
)
