import {
  AffiliateMessagingPluginOptions,
  InboundEmailOptions,
  ResolvedInboundEmailOptions,
  LiveUpdateOptions,
  ResolvedLiveUpdateOptions,
  RateLimitOptions,
  ResolvedPluginOptions,
  UploadQuotaOptions,
} from "../types/options"

export const DEFAULT_RATE_LIMITS: Required<RateLimitOptions> = {
  ownerMessagesPerMinute: 120,
  memberMessagesPerMinute: 30,
  ownerUploadsPerMinute: 60,
  memberUploadsPerMinute: 20,
}

export const DEFAULT_UPLOAD_QUOTAS: Required<UploadQuotaOptions> = {
  filesPerHour: 60,
  bytesPerDay: 2 * 1024 ** 3,
}

export const DEFAULT_LIVE_UPDATES: ResolvedLiveUpdateOptions = {
  maxStreamsPerActor: 10,
  maxStreamsPerProcess: 1000,
  heartbeatSeconds: 15,
  retryMs: 2000,
  eventRetentionSeconds: 24 * 3600,
}

export const DEFAULT_PLUGIN_OPTIONS: ResolvedPluginOptions = {
  adminUrl: "http://localhost:9000/app",
  backendUrl: "http://localhost:9000",
  affiliatePortalUrl:
    "http://localhost:8000/affiliate/messages/{conversation_id}",
  affiliateInviteUrl: "http://localhost:8000/affiliate/invite?token={token}",
  storeName: "Our store",
  autoApproveAffiliates: false,
  messagingEnabledByDefault: true,
  allowPendingUploads: false,
  uploadQuotas: DEFAULT_UPLOAD_QUOTAS,
  notificationDelaySeconds: 60,
  affiliateEmailsPerHour: 30,
  affiliateEmailCapPeriodSeconds: 3600,
  rateLimits: DEFAULT_RATE_LIMITS,
  inboundEmail: null,
  liveUpdates: DEFAULT_LIVE_UPDATES,
  broadcastConcurrency: 1,
  broadcastBatchSize: 1000,
  broadcastLeaseSeconds: 30,
}

/** Default `inboundEmail.maxBytes`: 35 MB, what the big mailbox providers accept. */
export const DEFAULT_INBOUND_MAX_BYTES = 35 * 1024 * 1024

const definedEntries = <T extends object>(value: T | undefined): Partial<T> =>
  Object.fromEntries(
    Object.entries(value ?? {}).filter(([, entry]) => entry !== undefined)
  ) as Partial<T>

/**
 * A store that sets one limit keeps the defaults of the others. A limit that
 * is not a positive whole number fails at boot rather than on the first
 * message sent.
 */
function resolveLimits<T extends Record<string, number>>(
  option: "rateLimits" | "uploadQuotas",
  defaults: T,
  given: false | Partial<T> | undefined
): false | T {
  if (given === false) {
    return false
  }
  const resolved = { ...defaults, ...definedEntries(given) } as T
  for (const [name, value] of Object.entries(resolved)) {
    if (!Number.isInteger(value) || value < 1) {
      throw new Error(
        `medusa-plugin-affiliate-messaging: ${option}.${name} must be a positive whole number (got ${JSON.stringify(value)}); use ${option}: false to turn them off`
      )
    }
  }
  return resolved
}

function resolveWholeNumber(name: string, value: number, min: number): number {
  if (!Number.isInteger(value) || value < min) {
    throw new Error(
      `medusa-plugin-affiliate-messaging: ${name} must be a whole number ≥ ${min} (got ${JSON.stringify(value)})`
    )
  }
  return value
}

/** `backendUrl`, else the origin of `adminUrl` (Medusa serves its admin at `/app`). */
function resolveBackendUrl(given: string | undefined, adminUrl: string): string {
  try {
    return (given ? new URL(given).toString() : new URL(adminUrl).origin).replace(/\/+$/, "")
  } catch {
    throw new Error(
      `medusa-plugin-affiliate-messaging: backendUrl must be an absolute URL (got ${JSON.stringify(given ?? adminUrl)})`
    )
  }
}

/**
 * Reply by email is on when `replyTo` is set; it then needs a secret (tokens
 * and the webhook are worthless without one) and a `{token}` in the template.
 * Both are checked at boot so a store learns it at once, not on the first reply.
 */
export function resolveInboundEmailOptions(given: InboundEmailOptions | undefined): ResolvedInboundEmailOptions | null {
  if (!given?.replyTo) {
    return null
  }
  const fail = (why: string) => {
    throw new Error(`medusa-plugin-affiliate-messaging: inboundEmail${why}`)
  }
  if (!given.replyTo.includes("{token}") || !/^[^@\s]*\{token\}[^@\s]*@[^@\s]+$/.test(given.replyTo)) {
    fail(`.replyTo must be an email address whose local part holds "{token}", e.g. "partners+{token}@shop.example" (got ${JSON.stringify(given.replyTo)})`)
  }
  if (typeof given.secret !== "string" || given.secret.length < 16) {
    fail(
      ".secret is required when inboundEmail.replyTo is set: a random string of at least 16 characters (e.g. `openssl rand -hex 32`); it signs reply addresses and authenticates the inbound webhook"
    )
  }
  const resolved: ResolvedInboundEmailOptions = {
    ...definedEntries(given),
    replyTo: given.replyTo,
    secret: given.secret!,
    keyVersion: given.keyVersion ?? 1,
    maxBytes: given.maxBytes ?? DEFAULT_INBOUND_MAX_BYTES,
  }
  resolveWholeNumber("inboundEmail.keyVersion", resolved.keyVersion, 1)
  resolveWholeNumber("inboundEmail.maxBytes", resolved.maxBytes, 1024)
  if (resolved.smtp) {
    resolveWholeNumber("inboundEmail.smtp.port", resolved.smtp.port, 0)
  }
  if (resolved.imap && !/^imaps?:\/\//.test(resolved.imap.url ?? "")) {
    fail(`.imap.url must be an imap:// or imaps:// URL (got ${JSON.stringify(resolved.imap.url)})`)
  }
  return resolved
}

function resolvePositive(name: string, value: number): number {
  if (typeof value !== "number" || !(value > 0) || !Number.isFinite(value)) {
    throw new Error(
      `medusa-plugin-affiliate-messaging: ${name} must be a positive number (got ${JSON.stringify(value)})`
    )
  }
  return value
}

/** Caps are whole numbers; the heartbeat may be a fraction of a second (tests). Retention is at least the contract's 24 h unless a test shortens it. */
function resolveLiveUpdates(given: LiveUpdateOptions | undefined): ResolvedLiveUpdateOptions {
  const { eventRetentionHours, eventRetentionSeconds, ...rest } = definedEntries(given)
  const resolved = { ...DEFAULT_LIVE_UPDATES, ...rest }
  resolveWholeNumber("liveUpdates.maxStreamsPerActor", resolved.maxStreamsPerActor, 1)
  resolveWholeNumber("liveUpdates.maxStreamsPerProcess", resolved.maxStreamsPerProcess, 1)
  resolveWholeNumber("liveUpdates.retryMs", resolved.retryMs, 0)
  resolvePositive("liveUpdates.heartbeatSeconds", resolved.heartbeatSeconds)
  if (eventRetentionSeconds !== undefined) {
    resolved.eventRetentionSeconds = resolvePositive("liveUpdates.eventRetentionSeconds", eventRetentionSeconds)
  } else if (eventRetentionHours !== undefined) {
    if (resolvePositive("liveUpdates.eventRetentionHours", eventRetentionHours) < 24) {
      throw new Error(
        `medusa-plugin-affiliate-messaging: liveUpdates.eventRetentionHours must be at least 24 (got ${eventRetentionHours})`
      )
    }
    resolved.eventRetentionSeconds = eventRetentionHours * 3600
  }
  return resolved
}

export function resolvePluginOptions(
  options: AffiliateMessagingPluginOptions | undefined
): ResolvedPluginOptions {
  const resolved = {
    ...DEFAULT_PLUGIN_OPTIONS,
    ...definedEntries(options),
    rateLimits: resolveLimits("rateLimits", DEFAULT_RATE_LIMITS, options?.rateLimits),
    uploadQuotas: resolveLimits("uploadQuotas", DEFAULT_UPLOAD_QUOTAS, options?.uploadQuotas),
    inboundEmail: resolveInboundEmailOptions(options?.inboundEmail),
    liveUpdates: resolveLiveUpdates(options?.liveUpdates),
  } as ResolvedPluginOptions
  resolved.backendUrl = resolveBackendUrl(options?.backendUrl, resolved.adminUrl)
  resolveWholeNumber("notificationDelaySeconds", resolved.notificationDelaySeconds, 0)
  if (resolved.affiliateEmailsPerHour !== false) {
    resolveWholeNumber("affiliateEmailsPerHour", resolved.affiliateEmailsPerHour, 1)
  }
  resolveWholeNumber("affiliateEmailCapPeriodSeconds", resolved.affiliateEmailCapPeriodSeconds, 1)
  resolveWholeNumber("broadcastConcurrency", resolved.broadcastConcurrency, 1)
  resolveWholeNumber("broadcastBatchSize", resolved.broadcastBatchSize, 1)
  resolveWholeNumber("broadcastLeaseSeconds", resolved.broadcastLeaseSeconds, 1)
  return resolved
}
