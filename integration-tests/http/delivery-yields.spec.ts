import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import http from "http"
import { httpClient } from "../helpers/http-client"
import { createProgram } from "../helpers/program"
import { openStream } from "../helpers/sse"
import { smtpSinkForSuite } from "../helpers/smtp-sink"

jest.setTimeout(120_000)

/**
 * Decision 0038 in a running store (`workerMode: "shared"`): email jobs
 * wait for a moment with no request in flight, up to `deliveryYieldMs`.
 * The middleware counting requests is mounted on every route; an upload
 * held open (its body still arriving) stands for a long request.
 */
const YIELD_MS = 6_000
const sink = smtpSinkForSuite()
beforeAll(() => {
  process.env.AFFILIATE_DELIVERY_YIELD_MS = String(YIELD_MS)
})
afterAll(() => {
  delete process.env.AFFILIATE_DELIVERY_YIELD_MS
})

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * One email through before a test's clock starts: the emails queued by the
 * team's sign-up are out and the process has loaded its email templates
 * (the first render in a cold process took seconds on CI's loaded machine,
 * which a test would read as no yield at all). Sent in the member's own
 * thread, so the team thread stays new for the test's message (201).
 */
async function warmUpEmails(
  client: ReturnType<typeof httpClient>,
  program: Awaited<ReturnType<typeof createProgram>>,
  team: { affiliate_id: string; member_id: string }
) {
  const body = `Warm-up for ${team.affiliate_id}`
  const sent = await client.post(
    "/admin/conversations",
    { affiliate_id: team.affiliate_id, member_id: team.member_id, body },
    program.admin.headers
  )
  expect(sent.status).toBe(201)
  await sink.waitFor((e) => e.text.includes(body), 1, { settleMs: 0 })
}

/** An upload whose multipart body never ends until `release` aborts it: a request in flight. */
function holdUpload(base: string, headers: Record<string, string>, path: string) {
  const url = new URL(path, base)
  const request = http.request(url, {
    method: "POST",
    headers: { ...headers, "content-type": "multipart/form-data; boundary=held", "transfer-encoding": "chunked" },
  })
  request.on("error", () => undefined)
  request.write('--held\r\nContent-Disposition: form-data; name="files"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\nsome')
  return { release: () => request.destroy() }
}

/**
 * Requests that never stop: a held upload every 500 ms, each released
 * after 2 s (one upload held longer is ended by the server after about
 * 4 s of a stalled body, seen in this suite).
 */
function holdUploadsWithoutPause(base: string, headers: Record<string, string>) {
  const held: ReturnType<typeof holdUpload>[] = []
  const hold = () => {
    const upload = holdUpload(base, headers, "/admin/messaging/attachments")
    held.push(upload)
    setTimeout(upload.release, 2_000)
  }
  hold()
  const timer = setInterval(hold, 500)
  return {
    release: () => {
      clearInterval(timer)
      held.forEach((upload) => upload.release())
    },
  }
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let base: string
    beforeAll(() => {
      base = api.defaults.baseURL!.replace(/\/$/, "")
    })

    // the plugin's own route, and Medusa's (the middleware is on every path)
    it.each([
      ["the plugin's POST /admin/messaging/attachments", "/admin/messaging/attachments", "Plugin"],
      ["Medusa's own POST /admin/uploads", "/admin/uploads", "Core"],
    ])("an email waits while an upload to %s is held open, and goes out as soon as none is", async (_route, path, name) => {
      const client = httpClient(api)
      const program = await createProgram(client, getContainer())
      const team = await program.team(`${name} Co`, `${name.toLowerCase()}@yield.test`)
      await warmUpEmails(client, program, team)

      const upload = holdUpload(base, program.admin.headers, path)
      await sleep(300)
      const body = `Sent while ${name} was busy`
      const sent = await client.post("/admin/conversations", { affiliate_id: team.affiliate_id, body }, program.admin.headers)
      expect(sent.status).toBe(201)
      await sleep(2_000)
      expect(sink.emails.filter((email) => email.text.includes(body))).toHaveLength(0)

      const releasedAt = Date.now()
      upload.release()
      const [email] = await sink.waitFor((e) => e.text.includes(body), 1, { settleMs: 0 })
      expect(email.receivedAt - releasedAt).toBeLessThan(YIELD_MS / 2)
    })

    it("an open event stream is not a request in flight: the email goes out at once", async () => {
      const client = httpClient(api)
      const program = await createProgram(client, getContainer())
      const team = await program.team("Stream Co", "stella@stream.test")
      const stream = await openStream(`${base}/admin/messaging/stream`, program.admin.headers)
      try {
        expect(stream.status).toBe(200)
        const sentAt = Date.now()
        const sent = await client.post("/admin/conversations", { affiliate_id: team.affiliate_id, body: "Sent while streaming" }, program.admin.headers)
        expect(sent.status).toBe(201)
        const [email] = await sink.waitFor((e) => e.text.includes("Sent while streaming"), 1, { settleMs: 0 })
        expect(email.receivedAt - sentAt).toBeLessThan(YIELD_MS / 2)
      } finally {
        stream.close()
      }
    })

    it("under requests that never stop, an email still goes out within deliveryYieldMs", async () => {
      const client = httpClient(api)
      const program = await createProgram(client, getContainer())
      const team = await program.team("Busy Co", "bo@busy.test")
      await warmUpEmails(client, program, team)
      const upload = holdUploadsWithoutPause(base, program.admin.headers)
      try {
        await sleep(300)
        const sentAt = Date.now()
        const sent = await client.post("/admin/conversations", { affiliate_id: team.affiliate_id, body: "Sent under load" }, program.admin.headers)
        expect(sent.status).toBe(201)
        const [email] = await sink.waitFor((e) => e.text.includes("Sent under load"), 1, { settleMs: 0, timeoutMs: 3 * YIELD_MS })
        const waited = email.receivedAt - sentAt
        expect(waited).toBeGreaterThanOrEqual(YIELD_MS - 500)
        expect(waited).toBeLessThan(2 * YIELD_MS)
      } finally {
        upload.release()
      }
    })
  },
})
