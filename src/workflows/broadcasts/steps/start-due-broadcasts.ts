import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { MESSAGING_MODULE } from "../../../modules/messaging"
import type { IMessagingModuleService } from "../../../types/messaging-module"

/**
 * Starts the scheduled broadcasts that are due while fewer than the
 * store's `broadcastConcurrency` are sending, and hands out the sending
 * ones nobody writes (a worker died: its lease lapsed). Returns what to run,
 * each with a run number for a fresh queue job id. Undone by nothing: a
 * started broadcast is picked up again by the next call if its job is lost.
 *
 * @example
 * const runs = startDueBroadcastsStep()
 */
export const startDueBroadcastsStep = createStep(
  "start-due-broadcasts",
  async (_: void, { container }) => {
    const messaging = container.resolve<IMessagingModuleService>(MESSAGING_MODULE)
    const started = await messaging.startDueBroadcasts(messaging.getOptions().broadcastConcurrency)
    const stalled = await messaging.takeStalledBroadcasts({ quiet_seconds: messaging.getOptions().broadcastLeaseSeconds })
    const runs = [...started, ...stalled.filter((run) => !started.some((start) => start.id === run.id))]
    return new StepResponse(runs)
  }
)
