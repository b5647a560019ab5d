import type { MedusaContainer } from "@medusajs/framework/types"
import { MESSAGING_MODULE } from "../modules/messaging"
import type { IMessagingModuleService } from "../types/messaging-module"

/**
 * Every 10 s: the inbox counts sum the tally's rows, and every send that
 * changes a conversation's unread state adds two; folding them keeps the
 * sum a few hundred rows.
 */
export default async function compactInboxTallyJob(container: MedusaContainer) {
  await container.resolve<IMessagingModuleService>(MESSAGING_MODULE).compactInboxTally()
}

export const config = {
  name: "affiliate-messaging-compact-inbox-tally",
  schedule: { interval: 10_000 },
}
