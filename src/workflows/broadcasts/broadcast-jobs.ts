import type { DeliveryJob } from "../../modules/delivery-queue/types"

/** The queue job that writes a broadcast's batches (see run-broadcast.ts). */
export const SEND_BROADCAST = "send-broadcast"

/**
 * One job per run of a broadcast: run 1 when it starts, a higher one each
 * time a stalled broadcast is handed out again, so the queue (which
 * ignores a job id it holds) accepts the takeover.
 */
export function broadcastJob(broadcastId: string, run: number): DeliveryJob {
  return { id: `broadcast-${broadcastId}-${run}`, workflow: SEND_BROADCAST, input: { broadcast_id: broadcastId } }
}
