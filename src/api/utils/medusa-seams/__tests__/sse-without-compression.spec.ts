import { compressionOptions, shouldCompressResponse } from "@medusajs/framework/http"
import express, { type RequestHandler } from "express"
import http from "http"
import type { AddressInfo } from "net"
import { SseStream } from "../../live/sse-stream"
import { withoutCompression } from "../sse-without-compression"

// the copy Medusa's express loader mounts (it ships without types)
// eslint-disable-next-line @typescript-eslint/no-require-imports
const compression = require("compression") as (options: object) => RequestHandler

/** What a stream's client sees in its first 200 ms of data, while the stream stays open. */
function firstChunk(port: number, path: string): Promise<{ headers: http.IncomingHttpHeaders; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: "127.0.0.1", port, path, headers: { "accept-encoding": "gzip, deflate, br" } }, (res) => {
      let text = ""
      res.on("data", (chunk: Buffer) => {
        if (!text) {
          setTimeout(() => {
            resolve({ headers: res.headers, text })
            req.destroy()
          }, 200)
        }
        text += chunk.toString("latin1")
      })
    })
    req.on("error", reject)
    req.setTimeout(3_000, () => req.destroy(new Error(`nothing arrived from ${path} within 3 s`)))
  })
}

describe("sse-without-compression: Medusa 2.21's response compression and event streams", () => {
  let server: http.Server
  let port: number

  beforeAll(async () => {
    const projectConfig = { http: { compression: { enabled: true } } }
    const app = express()
    app.use(((req, _res, next) => {
      ;(req as unknown as { scope: unknown }).scope = { resolve: () => ({ projectConfig }) }
      next()
    }) as RequestHandler)
    // as Medusa's express loader mounts it when `http.compression.enabled`
    app.use(compression({ ...compressionOptions(projectConfig as any), filter: shouldCompressResponse }))
    // a stream as the plugin writes it: the seam, and `Cache-Control: no-transform` from SseStream
    app.get("/stream", (req, res) => {
      withoutCompression(req as any)
      const sse = new SseStream(res as any)
      sse.open(2000)
      sse.send([{ id: 1, event: "inbox", data: { unread_count: 3 } }])
    })
    // each of the two alone, and neither
    const bare = (bypass: boolean, cacheControl: string): RequestHandler => (req, res) => {
      if (bypass) withoutCompression(req as any)
      res.writeHead(200, { "content-type": "text/event-stream", "cache-control": cacheControl })
      res.write(`retry: 2000\n\n${"data: {}\n\n".repeat(200)}`)
    }
    app.get("/seam-only", bare(true, "no-cache"))
    app.get("/no-transform-only", bare(false, "no-cache, no-transform"))
    app.get("/neither", bare(false, "no-cache"))
    server = app.listen(0, "127.0.0.1")
    await new Promise((resolve) => server.once("listening", resolve))
    port = (server.address() as AddressInfo).port
  })
  afterAll(async () => {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
  })

  it("compresses an event stream that neither opts out nor says no-transform, holding its events back", async () => {
    const neither = await firstChunk(port, "/neither").catch((error: Error) => error)
    // gzip keeps the small writes in its buffer: nothing reaches the client while the stream is open
    expect(neither).toBeInstanceOf(Error)
    expect((neither as Error).message).toMatch(/nothing arrived/)
  })

  it("leaves it alone with the seam's request header, and with Cache-Control no-transform", async () => {
    for (const path of ["/seam-only", "/no-transform-only"]) {
      expect((await firstChunk(port, path)).headers["content-encoding"]).toBeUndefined()
    }
  })

  it("sends the plugin's stream uncompressed, its first event at once", async () => {
    const { headers, text } = await firstChunk(port, "/stream")
    expect(headers["content-encoding"]).toBeUndefined()
    expect(headers["content-type"]).toBe("text/event-stream")
    expect(text).toContain("retry: 2000")
    expect(text).toContain('event: inbox\ndata: {"unread_count":3}')
  })
})
