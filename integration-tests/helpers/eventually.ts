/**
 * Retries `check` until it returns without throwing (and not `false`), then
 * returns its value; at the deadline throws its last error. Jest has no
 * `expect.poll` (that is @playwright/test): wrap expectations in this.
 *   await eventually(async () => expect(await badge.textContent()).toBe("1"))
 */
export async function eventually<T>(
  check: () => T | Promise<T>,
  { timeoutMs = 15_000, intervalMs = 250 } = {}
): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    let failure: unknown
    try {
      const value = await check()
      if (value !== false) return value
      failure = new Error("the check returned false")
    } catch (error) {
      failure = error
    }
    if (Date.now() >= deadline) throw failure
    await new Promise((resolve) => setTimeout(resolve, intervalMs))
  }
}
