import {
  AffiliateMessagingPluginOptions,
  ResolvedPluginOptions,
} from "../types/options"

export const DEFAULT_PLUGIN_OPTIONS: ResolvedPluginOptions = {
  adminUrl: "http://localhost:9000/app",
  affiliatePortalUrl:
    "http://localhost:8000/affiliate/messages/{conversation_id}",
  affiliateInviteUrl: "http://localhost:8000/affiliate/invite?token={token}",
  storeName: "Our store",
  autoApproveAffiliates: false,
  messagingEnabledByDefault: true,
  notificationDelaySeconds: 0,
}

export function resolvePluginOptions(
  options: AffiliateMessagingPluginOptions | undefined
): ResolvedPluginOptions {
  const defined = Object.fromEntries(
    Object.entries(options ?? {}).filter(([, value]) => value !== undefined)
  )
  return { ...DEFAULT_PLUGIN_OPTIONS, ...defined }
}
