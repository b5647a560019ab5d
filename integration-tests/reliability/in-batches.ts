/**
 * Runs `work` over `items`, `size` at a time: concurrent enough to keep a
 * suite short, gentle enough for a 2-core machine.
 */
export async function inBatches<T, R>(items: T[], size: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = []
  for (let start = 0; start < items.length; start += size) {
    results.push(...(await Promise.all(items.slice(start, start + size).map(work))))
  }
  return results
}
