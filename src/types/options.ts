/**
 * Options a store passes to the plugin in `medusa-config.ts`:
 * `plugins: [{ resolve: "medusa-plugin-affiliate-messaging", options }]`.
 * Medusa hands them to every module of the plugin.
 */
export type AffiliateMessagingPluginOptions = {
  /** Base URL of Medusa Admin, used in owner emails. */
  adminUrl?: string
  /** Affiliate portal page of a conversation; `{conversation_id}` is replaced. */
  affiliatePortalUrl?: string
  /** Storefront page that accepts an invite; `{token}` is replaced. */
  affiliateInviteUrl?: string
  /** Store name shown in emails. */
  storeName?: string
  /** New sign-ups start `active` instead of `pending`. */
  autoApproveAffiliates?: boolean
  /** Initial value of the global messaging setting. */
  messagingEnabledByDefault?: boolean
  /**
   * Members of `pending` affiliates may upload attachments (default false:
   * only members of `active` affiliates upload; pending ones write text).
   */
  allowPendingUploads?: boolean
  /**
   * Per-member upload quotas, counted in Redis when the plugin has one (across
   * server processes), else in process memory. Over one: 429 with
   * `Retry-After`, nothing stored. `false` turns them off.
   */
  uploadQuotas?: false | UploadQuotaOptions
  /**
   * Hold new-message emails this many seconds; skip them when the recipient
   * has read the conversation meanwhile, and send the messages of one window
   * as one email. At most one email per recipient and thread per window.
   * 0 sends at once (default 60).
   */
  notificationDelaySeconds?: number
  /**
   * Emails that one affiliate's messages may cause in an hour, over all its
   * threads and owner-side recipients; the excess is held and sent as one
   * digest per recipient when the hour ends. `false` turns the cap off
   * (default 30).
   */
  affiliateEmailsPerHour?: false | number
  /**
   * @internal The length of the cap's "hour" in seconds (default 3600), for
   * tests that cannot wait an hour for a digest. Stores leave it unset.
   */
  affiliateEmailCapPeriodSeconds?: number
  /** Redis of the delivery queue; defaults to `projectConfig.redisUrl`, else an in-process queue. */
  redisUrl?: string
  /** BullMQ queue name (default `affiliate-messaging-deliveries`). */
  deliveryQueueName?: string
  /** Delivery attempts before an email is recorded as failed (default 15: about 9 hours). */
  deliveryAttempts?: number
  /** First retry delay in ms (default 5000), doubling each attempt up to `deliveryMaxBackoffMs` (default 1 h). */
  deliveryBackoffMs?: number
  deliveryMaxBackoffMs?: number
  /** Deliveries one process sends at once (default 5). */
  deliveryConcurrency?: number
  /** How long a crashed worker's job stays locked before another takes it over (BullMQ, default 30 s). */
  deliveryLockMs?: number
  /**
   * Messages one sender may send per minute, over all its send routes
   * (New Message and replies). Counted in Redis when the plugin has a Redis
   * URL (`redisUrl`, else `projectConfig.redisUrl`), so the budget holds
   * across server processes; in process memory otherwise. `false` turns it off.
   */
  rateLimits?: false | RateLimitOptions
}

export type RateLimitOptions = {
  /** Per admin user (default 120). */
  ownerMessagesPerMinute?: number
  /** Per affiliate member (default 30). */
  memberMessagesPerMinute?: number
  /** Upload requests per admin user and minute (default 60). */
  ownerUploadsPerMinute?: number
  /** Upload requests per affiliate member and minute (default 20). */
  memberUploadsPerMinute?: number
}

export type UploadQuotaOptions = {
  /** Files one member may upload per rolling hour (default 60). */
  filesPerHour?: number
  /** Bytes one member may upload per rolling day (default 2 GiB). */
  bytesPerDay?: number
}

/** The options the delivery queue module reads. */
export type DeliveryOption =
  | "redisUrl"
  | "deliveryQueueName"
  | "deliveryAttempts"
  | "deliveryBackoffMs"
  | "deliveryMaxBackoffMs"
  | "deliveryConcurrency"
  | "deliveryLockMs"

export type ResolvedPluginOptions = Required<
  Omit<AffiliateMessagingPluginOptions, DeliveryOption | "rateLimits" | "uploadQuotas">
> &
  Pick<AffiliateMessagingPluginOptions, DeliveryOption> & {
    rateLimits: false | Required<RateLimitOptions>
    uploadQuotas: false | Required<UploadQuotaOptions>
  }
