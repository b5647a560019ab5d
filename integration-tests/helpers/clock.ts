/**
 * Waits for the start of the next period of `seconds` on the wall clock
 * (the plugin cuts delay windows and cap periods that way), so a burst
 * sent right after falls in one period.
 */
export async function atPeriodStart(seconds: number) {
  const periodMs = seconds * 1000
  await new Promise((resolve) => setTimeout(resolve, periodMs - (Date.now() % periodMs) + 50))
}

/** Waits until a memo entry that was still fresh at `since` (Date.now()) has outlived `ttlMs`, plus a margin. */
export async function outliveMemo(ttlMs: number, since: number) {
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, ttlMs - (Date.now() - since)) + 100))
}
