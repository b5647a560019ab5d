import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 100) / 100

/**
 * The bench's memory probe: the process's live memory after a full
 * collection (the bench host runs with --expose-gc). RSS alone moves with
 * garbage V8 has not collected yet and with pages the allocator keeps, which
 * made 1,000 idle streams read as negative kilobytes.
 */
export const GET = async (_req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const gc = (globalThis as { gc?: () => void }).gc
  gc?.()
  gc?.()
  const usage = process.memoryUsage()
  res.json({
    collected: Boolean(gc),
    heap_used_mb: mb(usage.heapUsed),
    external_mb: mb(usage.external),
    rss_mb: mb(usage.rss),
  })
}
