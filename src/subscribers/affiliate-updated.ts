import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { AffiliateEvents } from "../types/affiliate"
import { updateAffiliateCopiesWorkflow } from "../workflows/messaging/workflows/update-affiliate-copies"

/**
 * Keeps the inbox filter fields in step with affiliates changed by code that
 * announces it with `affiliate.updated` (another plugin, a store script).
 * The plugin's own update workflows already sync inline; repeating it costs
 * one index lookup, as rows that match are left alone.
 */
export default async function affiliateUpdatedHandler({
  event,
  container,
}: SubscriberArgs<{ id: string }>) {
  await updateAffiliateCopiesWorkflow(container).run({
    input: { affiliate_ids: [event.data.id] },
  })
}

export const config: SubscriberConfig = {
  event: AffiliateEvents.AFFILIATE_UPDATED,
}
