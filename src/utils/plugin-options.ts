import {
  AffiliateMessagingPluginOptions,
  RateLimitOptions,
  ResolvedPluginOptions,
} from "../types/options"

export const DEFAULT_RATE_LIMITS: Required<RateLimitOptions> = {
  ownerMessagesPerMinute: 120,
  memberMessagesPerMinute: 30,
}

export const DEFAULT_PLUGIN_OPTIONS: ResolvedPluginOptions = {
  adminUrl: "http://localhost:9000/app",
  affiliatePortalUrl:
    "http://localhost:8000/affiliate/messages/{conversation_id}",
  affiliateInviteUrl: "http://localhost:8000/affiliate/invite?token={token}",
  storeName: "Our store",
  autoApproveAffiliates: false,
  messagingEnabledByDefault: true,
  notificationDelaySeconds: 0,
  rateLimits: DEFAULT_RATE_LIMITS,
}

const definedEntries = <T extends object>(value: T | undefined): Partial<T> =>
  Object.fromEntries(
    Object.entries(value ?? {}).filter(([, entry]) => entry !== undefined)
  ) as Partial<T>

/**
 * A store that sets one limit keeps the default of the other. A limit that
 * is not a positive whole number fails at boot rather than on the first
 * message sent.
 */
function resolveRateLimits(
  rateLimits: AffiliateMessagingPluginOptions["rateLimits"]
): ResolvedPluginOptions["rateLimits"] {
  if (rateLimits === false) {
    return false
  }
  const resolved = { ...DEFAULT_RATE_LIMITS, ...definedEntries(rateLimits) }
  for (const [name, value] of Object.entries(resolved)) {
    if (!Number.isInteger(value) || value < 1) {
      throw new Error(
        `medusa-plugin-affiliate-messaging: rateLimits.${name} must be a positive whole number (got ${JSON.stringify(value)}); use rateLimits: false to turn the limits off`
      )
    }
  }
  return resolved
}

export function resolvePluginOptions(
  options: AffiliateMessagingPluginOptions | undefined
): ResolvedPluginOptions {
  return {
    ...DEFAULT_PLUGIN_OPTIONS,
    ...definedEntries(options),
    rateLimits: resolveRateLimits(options?.rateLimits),
  } as ResolvedPluginOptions
}
