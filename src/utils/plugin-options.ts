import {
  AffiliateMessagingPluginOptions,
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

export const DEFAULT_PLUGIN_OPTIONS: ResolvedPluginOptions = {
  adminUrl: "http://localhost:9000/app",
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
}

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

export function resolvePluginOptions(
  options: AffiliateMessagingPluginOptions | undefined
): ResolvedPluginOptions {
  const resolved = {
    ...DEFAULT_PLUGIN_OPTIONS,
    ...definedEntries(options),
    rateLimits: resolveLimits("rateLimits", DEFAULT_RATE_LIMITS, options?.rateLimits),
    uploadQuotas: resolveLimits("uploadQuotas", DEFAULT_UPLOAD_QUOTAS, options?.uploadQuotas),
  } as ResolvedPluginOptions
  resolveWholeNumber("notificationDelaySeconds", resolved.notificationDelaySeconds, 0)
  if (resolved.affiliateEmailsPerHour !== false) {
    resolveWholeNumber("affiliateEmailsPerHour", resolved.affiliateEmailsPerHour, 1)
  }
  resolveWholeNumber("affiliateEmailCapPeriodSeconds", resolved.affiliateEmailCapPeriodSeconds, 1)
  return resolved
}
