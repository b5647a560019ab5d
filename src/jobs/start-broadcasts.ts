import type { MedusaContainer } from "@medusajs/framework/types"
import { startDueBroadcastsWorkflow } from "../workflows/broadcasts/workflows/start-due-broadcasts"

/**
 * Every 5 s, in worker and shared processes: starts the scheduled
 * broadcasts that are due (at most `broadcastConcurrency` sending at once)
 * and hands a sending broadcast whose worker died (its lease lapsed) to a
 * new queue job. With several workers each broadcast is handed to one:
 * the database decides (decision 0035).
 */
export default async function startBroadcastsJob(container: MedusaContainer) {
  await startDueBroadcastsWorkflow(container).run()
}

export const config = {
  name: "affiliate-messaging-start-broadcasts",
  schedule: { interval: 5_000 },
}
