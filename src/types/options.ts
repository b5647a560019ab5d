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
}

export type ResolvedPluginOptions = Required<AffiliateMessagingPluginOptions>
