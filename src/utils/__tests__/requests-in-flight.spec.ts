import http from "http"
import type { AddressInfo } from "net"
import { eventually } from "../../../integration-tests/helpers/eventually"
import { RequestsInFlight } from "../requests-in-flight"

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
// how long a request takes to reach the server is no fixed time (the first
// `fetch` of a process loads undici; CI runs suites side by side): poll
const POLL = { timeoutMs: 5_000, intervalMs: 2 }

/**
 * A real HTTP server whose handler first waits `beforeTrackMs` (what
 * Medusa's body parser and authentication take before any plugin
 * middleware runs), then counts the request and answers after `answerMs`
 * (and once `answerAfter` settled, when given).
 */
async function serve(
  gauge: RequestsInFlight,
  { beforeTrackMs = 0, answerMs = 0, answerAfter = Promise.resolve() as Promise<unknown> } = {}
) {
  const server = http.createServer((_req, res) => {
    setTimeout(() => {
      gauge.track(res)
      void answerAfter.then(() => setTimeout(() => res.end("ok"), answerMs))
    }, beforeTrackMs)
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
  return { url, close: () => new Promise((resolve) => server.close(resolve)) }
}

/** Runs `body` against a `serve` server, closed afterwards whatever happens. */
async function withServer(gauge: RequestsInFlight, options: Parameters<typeof serve>[1], body: (url: string) => Promise<void>) {
  const server = await serve(gauge, options)
  try {
    await body(server.url)
  } finally {
    await server.close()
  }
}

describe("requests in flight", () => {
  it("counts each request from its middleware until it is answered, over kept-alive connections", async () => {
    const gauge = new RequestsInFlight()
    let release = () => {}
    const released = new Promise<void>((resolve) => (release = resolve))
    await withServer(gauge, { answerAfter: released }, async (url) => {
      const answers = Array.from({ length: 20 }, () => fetch(url).then((r) => r.text()))
      await eventually(() => expect(gauge.count).toBe(20), POLL)
      await sleep(20)
      expect(gauge.count).toBe(20)
      release()
      await Promise.all(answers)
      await sleep(10)
      expect(gauge.count).toBe(0)
    })
  })

  it("counts nothing for a client that left before the middleware saw its request", async () => {
    const gauge = new RequestsInFlight()
    await withServer(gauge, { beforeTrackMs: 200 }, async (url) => {
      const request = http.request(url, { method: "POST" })
      request.on("error", () => undefined)
      request.write("{")
      await sleep(50)
      request.destroy()
      // the middleware runs on the response the client already closed
      await sleep(300)
      expect(gauge.count).toBe(0)
    })
  })

  it("lets waiting work start the moment the last request is answered", async () => {
    const gauge = new RequestsInFlight(0)
    await withServer(gauge, { answerMs: 300 }, async (url) => {
      const answered = fetch(url).then(() => Date.now())
      await eventually(() => expect(gauge.count).toBe(1), POLL)
      const resumed = gauge.whenIdle(5_000).then(() => Date.now())
      const [answeredAt, resumedAt] = await Promise.all([answered, resumed])
      // resumed by the answer (within a few ms of it), far before 5 s
      expect(Math.abs(resumedAt - answeredAt)).toBeLessThan(100)
      expect(await Promise.race([gauge.whenIdle(5_000).then(() => "at once"), sleep(20).then(() => "waited")])).toBe("at once")
    })
  })

  it("does not take the instant between two requests of a burst for a pause: work starts once none came for quietMs", async () => {
    const gauge = new RequestsInFlight(100)
    await withServer(gauge, { answerMs: 30 }, async (url) => {
      const first = fetch(url)
      await eventually(() => expect(gauge.count).toBe(1), POLL)
      let resumedAt = 0
      void gauge.whenIdle(5_000).then(() => (resumedAt = Date.now()))
      // back-to-back requests, 10 ms apart: the count touches 0 between them
      await first
      for (let i = 0; i < 5; i++) {
        await sleep(10)
        await fetch(url)
      }
      const lastAnsweredAt = Date.now()
      expect(resumedAt).toBe(0)
      for (let waited = 0; !resumedAt && waited < 2_000; waited += 10) {
        await sleep(10)
      }
      expect(resumedAt - lastAnsweredAt).toBeGreaterThanOrEqual(90)
      expect(resumedAt - lastAnsweredAt).toBeLessThan(400)
    })
  })

  it("lets waiting work start after maxMs under constant traffic", async () => {
    const gauge = new RequestsInFlight()
    await withServer(gauge, { answerMs: 1_500 }, async (url) => {
      const answered = fetch(url)
      await eventually(() => expect(gauge.count).toBe(1), POLL)
      const started = Date.now()
      await gauge.whenIdle(300)
      const waited = Date.now() - started
      expect(waited).toBeGreaterThanOrEqual(290)
      expect(waited).toBeLessThan(1_000)
      expect(gauge.count).toBe(1)
      await answered
    })
  })

  it("stops counting a request once it is untracked (an open event stream), and only once", async () => {
    const gauge = new RequestsInFlight()
    const server = http.createServer((_req, res) => {
      gauge.track(res)
      res.writeHead(200, { "content-type": "text/event-stream" })
      res.write("retry: 1000\n\n")
      gauge.untrack(res)
    })
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
    try {
      const controller = new AbortController()
      const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`, { signal: controller.signal })
      expect(response.status).toBe(200)
      expect(gauge.count).toBe(0)
      // the stream's end later does not count it out a second time (that would be -1)
      controller.abort()
      await sleep(50)
      expect(gauge.count).toBe(0)
    } finally {
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
    }
  })
})
