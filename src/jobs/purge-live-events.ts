import type { MedusaContainer } from "@medusajs/framework/types"
import { LIVE_EVENTS_MODULE } from "../modules/live-events"
import type LiveEventsModuleService from "../modules/live-events/service"

/** Hourly: live update events past retention (`liveUpdates.eventRetentionHours`) and used or expired stream tickets. */
export default async function purgeLiveEventsJob(container: MedusaContainer) {
  await container.resolve<LiveEventsModuleService>(LIVE_EVENTS_MODULE).purgeExpired()
}

export const config = {
  name: "affiliate-messaging-purge-live-events",
  schedule: "17 * * * *",
}
