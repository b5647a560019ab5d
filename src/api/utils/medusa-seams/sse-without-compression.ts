import type { MedusaRequest } from "@medusajs/framework/http"

/**
 * Steps around Medusa: its response compression, for event streams.
 *
 * What: marks the request with the `x-no-compression` header that Medusa's
 * compression filter (`shouldCompressResponse`) skips.
 * Why: with `projectConfig.http.compression.enabled`, Medusa mounts the
 * `compression` middleware on every response; `text/event-stream` counts as
 * compressible, and gzip holds small writes in its buffer: events would
 * reach the browser late, in bursts, or never before a proxy's timeout.
 * The filter reads the request header when the response headers go out,
 * so setting it in the route is early enough. The contract's
 * `Cache-Control: no-transform` also keeps `compression` away (it honours
 * the directive); the seam holds even if a store's own middleware rewrites
 * that header.
 * Guard: sse-without-compression.spec.ts fails when Medusa's filter no
 * longer honours the header, or stops compressing event streams at all.
 * Remove when: Medusa leaves `text/event-stream` uncompressed by itself.
 */
export function withoutCompression(req: MedusaRequest): void {
  req.headers["x-no-compression"] = "1"
}
