import type { SubscriberConfig } from "@medusajs/framework"
import { publishableKeyMemo } from "../utils/publishable-key-memo"

/**
 * A revoked or deleted publishable key is refused at once on the plugin's
 * store routes of this process: its remembered verdict goes with every
 * other (decision 0044). Medusa's API Key Module announces each change of
 * a key (a revocation is an update of `revoked_at`). Processes that do not
 * hear the event (a `server` process, other instances on a Redis event bus)
 * forget the verdict within 5 s on their own.
 */
export default async function apiKeyChangedHandler() {
  publishableKeyMemo.clear()
}

export const config: SubscriberConfig = {
  // the names Medusa's API Key Module builds for its model's changes
  // (`<service>.<kebab-cased model>.<action>`, medusa-service.ts's
  // interceptEntityMutationEvents); medusa-answers-reused.spec.ts fails when they change
  event: ["api_key.api-key.updated", "api_key.api-key.deleted"],
}
