import { AsyncLocalStorage } from "node:async_hooks"
import type { JobJournal } from "../modules/delivery-queue/types"

/**
 * Which emails a delivery job already handed to an SMTP server that took
 * them: its journal, kept by the delivery queue across the job's runs. The
 * Notification Module records a batch's results in the database only after
 * its last email; a worker killed before that, or a database failing then,
 * would otherwise make the retry email everybody in the batch again. The
 * delivery job runs its workflow inside `withSentReceipts`; the nodemailer
 * provider records each email right after the server's acknowledgement,
 * and the send step skips what a journal holds. The storage lives on
 * `globalThis` under a registered symbol, so the provider and the
 * workflows share it even when the plugin's code is loaded twice.
 */
const STORAGE = Symbol.for("medusa-plugin-affiliate-messaging.sent-receipts")

function storage(): AsyncLocalStorage<JobJournal> {
  const scope = globalThis as unknown as Record<symbol, AsyncLocalStorage<JobJournal> | undefined>
  return (scope[STORAGE] ??= new AsyncLocalStorage<JobJournal>())
}

export function withSentReceipts<T>(journal: JobJournal, run: () => Promise<T>): Promise<T> {
  return storage().run(journal, run)
}

/**
 * The current delivery job's journal; outside a job, one that knows only
 * this call (its run number is the time, so notification keys stay unique).
 */
export function currentSentReceipts(): JobJournal {
  const journal = storage().getStore()
  if (journal) {
    return journal
  }
  const sent = new Set<string>()
  return { run: Date.now(), has: (key) => sent.has(key), record: async (key) => void sent.add(key) }
}

/** Called by the email provider once the SMTP server took `messageId`; a no-op outside a delivery job. */
export async function recordSentEmail(messageId: string): Promise<void> {
  await storage().getStore()?.record(messageId)
}
