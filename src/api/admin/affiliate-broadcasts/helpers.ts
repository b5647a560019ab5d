import type { MedusaContainer } from "@medusajs/framework/types"
import { MESSAGING_MODULE } from "../../../modules/messaging"
import type { IMessagingModuleService } from "../../../types/messaging-module"
import type { AudienceMember, BroadcastRecipientRow, BroadcastWithCounts } from "../../../types/broadcast"

export const broadcastService = (scope: MedusaContainer) => scope.resolve<IMessagingModuleService>(MESSAGING_MODULE)

/** `Broadcast` as the contract shapes it (the lease and run bookkeeping stay inside). */
export function broadcastView(broadcast: BroadcastWithCounts) {
  return {
    id: broadcast.id,
    body: broadcast.body,
    audience: broadcast.audience,
    attachment_count: broadcast.attachment_count,
    status: broadcast.status,
    created_by: broadcast.created_by,
    recipient_count: broadcast.recipient_count,
    delivered_count: broadcast.delivered_count,
    skipped_count: broadcast.skipped_count,
    read_count: broadcast.read_count,
    replied_count: broadcast.replied_count,
    created_at: broadcast.created_at,
    scheduled_at: broadcast.scheduled_at,
    started_at: broadcast.started_at,
    finished_at: broadcast.finished_at,
  }
}

/** The affiliate of a preview sample or a recipient, as the admin's affiliate routes name its fields. */
export function audienceAffiliateView(member: Pick<AudienceMember, "affiliate_id" | "affiliate_name" | "affiliate_email" | "affiliate_group_id" | "affiliate_manager_id"> & { affiliate_status: string }) {
  return {
    id: member.affiliate_id,
    name: member.affiliate_name,
    email: member.affiliate_email,
    status: member.affiliate_status,
    group_id: member.affiliate_group_id,
    manager_id: member.affiliate_manager_id,
  }
}

export function recipientView(recipient: BroadcastRecipientRow) {
  return {
    affiliate: audienceAffiliateView(recipient),
    status: recipient.status,
    reason: recipient.reason,
    conversation_id: recipient.conversation_id,
    message_id: recipient.message_id,
    read_at: recipient.read_at,
    replied_at: recipient.replied_at,
  }
}
