import type { AffiliateStatus } from "./affiliate"

export const BROADCAST_STATUSES = ["scheduled", "sending", "sent", "cancelled"] as const
export type BroadcastStatus = (typeof BROADCAST_STATUSES)[number]

export const BROADCAST_RECIPIENT_STATUSES = ["pending", "delivered", "skipped"] as const
export type BroadcastRecipientStatus = (typeof BROADCAST_RECIPIENT_STATUSES)[number]

/** Why a recipient got no copy. */
export const BROADCAST_SKIP_REASONS = ["messaging_disabled", "not_allowed", "no_members"] as const
export type BroadcastSkipReason = (typeof BROADCAST_SKIP_REASONS)[number]

/** The statuses an audience may select: the ones the owner may write to. */
export const BROADCAST_AUDIENCE_STATUSES = ["active", "pending"] as const

/** Who a broadcast goes to: AND between keys, OR inside one; at least one key. */
export type BroadcastAudience = {
  group_ids?: string[]
  statuses?: (typeof BROADCAST_AUDIENCE_STATUSES)[number][]
  manager_ids?: string[]
  affiliate_ids?: string[]
}

/** The merge tags a body may hold; any other `{{…}}` is refused. */
export const BROADCAST_MERGE_TAGS = ["affiliate.name", "store.name"] as const

/** Recipients the preview shows. */
export const BROADCAST_SAMPLE_SIZE = 10

export const BroadcastEvents = {
  CREATED: "affiliate_broadcast.created",
  SENT: "affiliate_broadcast.sent",
} as const

/** One affiliate of a resolved audience, with why it is skipped (null: it gets the message). */
export type AudienceMember = {
  affiliate_id: string
  affiliate_name: string
  affiliate_email: string
  affiliate_status: AffiliateStatus
  affiliate_group_id: string | null
  affiliate_manager_id: string | null
  reason: BroadcastSkipReason | null
}

export type BroadcastDTO = {
  id: string
  body: string
  audience: BroadcastAudience
  attachment_count: number
  status: BroadcastStatus
  created_by: string
  author_name: string
  recipient_count: number
  delivered_count: number
  skipped_count: number
  created_at: Date | string
  /** The time the admin asked for; null when sent as soon as created. */
  scheduled_at: Date | string | null
  started_at: Date | string | null
  finished_at: Date | string | null
}

/** A broadcast with the counts read from its threads. */
export type BroadcastWithCounts = BroadcastDTO & { read_count: number; replied_count: number }

export type BroadcastRecipientRow = {
  affiliate_id: string
  affiliate_name: string
  affiliate_email: string
  affiliate_status: string
  affiliate_group_id: string | null
  affiliate_manager_id: string | null
  status: BroadcastRecipientStatus
  reason: BroadcastSkipReason | null
  conversation_id: string | null
  message_id: string | null
  read_at: Date | string | null
  replied_at: Date | string | null
}

/** What one batch wrote: the messages (one per delivered recipient) and the recipients skipped. */
export type BroadcastBatch = {
  /** False once the broadcast is no longer `sending` (cancelled, or finished by another run). */
  sending: boolean
  claimed: number
  messages: { id: string; conversation_id: string; affiliate_id: string }[]
  skipped: number
}

/** A broadcast as the admin creates it; `scheduled_at` null when it sends at once. */
export type CreateBroadcastInput = {
  body: string
  audience: Record<string, unknown>
  attachment_ids: string[]
  created_by: string
  author_name: string
  scheduled_at: Date | null
}
