/**
 * Options a store passes to the plugin in `medusa-config.ts`:
 * `plugins: [{ resolve: "medusa-plugin-affiliate-messaging", options }]`.
 * Medusa hands them to every module of the plugin.
 */
export type AffiliateMessagingPluginOptions = {
  /** Base URL of Medusa Admin, used in owner emails. */
  adminUrl?: string
  /**
   * Public URL of the Medusa server, for links in emails that the server
   * answers itself (the one-click unsubscribe link). Default: the origin of
   * `adminUrl`, since Medusa serves its admin at `/app`; set it when the
   * admin is hosted apart from the server.
   */
  backendUrl?: string
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
   * In a process that also answers requests (Medusa `workerMode: "shared"`),
   * how long a delivery job waits for a moment with no request in flight
   * before it starts anyway, in ms (default 2000; 0 starts it at once).
   * Requests come first; under constant traffic each job still starts
   * within this time. Processes in `worker` mode answer no requests and
   * never wait.
   */
  deliveryYieldMs?: number
  /**
   * Messages one sender may send per minute, over all its send routes
   * (New Message and replies). Counted in Redis when the plugin has a Redis
   * URL (`redisUrl`, else `projectConfig.redisUrl`), so the budget holds
   * across server processes; in process memory otherwise. `false` turns it off.
   */
  rateLimits?: false | RateLimitOptions
  /**
   * Reply by email: notification emails carry a per-recipient `Reply-To`
   * address, and replies sent to it are posted in the thread. Off while
   * `replyTo` is unset.
   */
  inboundEmail?: InboundEmailOptions
  /**
   * Broadcasts sending at once; a broadcast due while this many are
   * sending waits as `scheduled` and starts when one finishes (default 1).
   */
  broadcastConcurrency?: number
  /**
   * Recipients written per batch, each batch one transaction (default 1000;
   * see decision 0035). Larger batches send faster and hold their locks longer.
   */
  broadcastBatchSize?: number
  /**
   * Seconds a sending broadcast's writer may be silent (it renews before
   * each batch) before another worker takes it over: a worker that died
   * mid-broadcast delays it by about this long (default 30).
   */
  broadcastLeaseSeconds?: number
  /** Live updates: the Server-Sent Event streams of the admin inbox and the affiliate Messages tab (see docs/reference/http-api.md). */
  liveUpdates?: LiveUpdateOptions
}

export type LiveUpdateOptions = {
  /** Open streams one admin user or affiliate member may hold at once (default 10); over it, 503 with `Retry-After`. */
  maxStreamsPerActor?: number
  /** Open streams one server process holds at most (default 1000); over it, 503 with `Retry-After`. */
  maxStreamsPerProcess?: number
  /** Seconds between the comment lines that keep idle streams open through proxies (default 15). */
  heartbeatSeconds?: number
  /** What `retry:` tells clients to wait before reconnecting, in ms; each stream adds up to as much again at random (default 2000). */
  retryMs?: number
  /** How long events stay replayable with `Last-Event-ID`, in hours (default 24, at least 24). */
  eventRetentionHours?: number
  /**
   * @internal Retention in seconds, overriding `eventRetentionHours` (tests
   * that cannot wait a day). Stores leave it unset.
   */
  eventRetentionSeconds?: number
}

export type InboundEmailOptions = {
  /**
   * The reply address template; `{token}` is replaced by the recipient's
   * token, e.g. `"partners+{token}@shop.example"` (plus addressing) or
   * `"reply+{token}@inbound.shop.example"` (a domain whose MX points at a
   * receiver). Unset: reply by email is off.
   */
  replyTo?: string
  /** Signs reply tokens and authenticates the webhook. Required with `replyTo`. */
  secret?: string
  /** Changing it (or `secret`) rotates every reply token: older addresses stop working (default 1). */
  keyVersion?: number
  /** Largest email accepted, in bytes (default 35 MB). */
  maxBytes?: number
  /** Mailgun's HTTP webhook signing key: when set, Mailgun posts must carry a valid signature. */
  mailgunSigningKey?: string
  /**
   * The built-in SMTP receiver, for stores whose MX points at it; runs in
   * worker/shared processes. With `tls` (PEM key and certificate) it offers
   * STARTTLS; without, senders deliver in plain text.
   */
  smtp?: { port: number; host?: string; tls?: { key: string | Buffer; cert: string | Buffer } }
  /**
   * Polls a mailbox (plus addressing on an existing mailbox):
   * `imaps://user:pass@host:993`, folder `mailbox` (default INBOX). Runs
   * in one worker/shared process at a time.
   */
  imap?: { url: string; mailbox?: string }
}

export type ResolvedInboundEmailOptions = Required<
  Pick<InboundEmailOptions, "replyTo" | "secret" | "keyVersion" | "maxBytes">
> &
  Pick<InboundEmailOptions, "mailgunSigningKey" | "smtp" | "imap">

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
  | "deliveryYieldMs"

export type ResolvedPluginOptions = Required<
  Omit<AffiliateMessagingPluginOptions, DeliveryOption | "rateLimits" | "uploadQuotas" | "inboundEmail" | "backendUrl" | "liveUpdates">
> &
  Pick<AffiliateMessagingPluginOptions, DeliveryOption> & {
    rateLimits: false | Required<RateLimitOptions>
    uploadQuotas: false | Required<UploadQuotaOptions>
    /** null while reply by email is off (`inboundEmail.replyTo` unset). */
    inboundEmail: ResolvedInboundEmailOptions | null
    /** Without a trailing slash; from `adminUrl` when not given. */
    backendUrl: string
    liveUpdates: ResolvedLiveUpdateOptions
  }

export type ResolvedLiveUpdateOptions = Required<Omit<LiveUpdateOptions, "eventRetentionHours" | "eventRetentionSeconds">> & {
  /** The retention that applies, from `eventRetentionSeconds` or `eventRetentionHours`. */
  eventRetentionSeconds: number
}
