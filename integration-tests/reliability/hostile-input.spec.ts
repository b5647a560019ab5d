import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import fs from "fs"
import { bearer } from "../helpers/actors"
import { countRows, pluginTables } from "../helpers/db"
import { FIXTURES } from "../helpers/fixtures"
import { generatedFile, uploadMultipart } from "../helpers/multipart"
import { httpClient, HttpClient } from "../helpers/http-client"
import { smtpSinkForSuite } from "../helpers/smtp-sink"
import { callRoute, refusalProblems, RouteRequest } from "./call-route"
import {
  HEADER_INJECTION,
  HOSTILE_CORPUS,
  HOSTILE_INPUT_TESTED_ELSEWHERE,
  hostileCases,
  INJECTED_BCC,
  RouteCorpus,
  UNDECODABLE_PATH_IDS,
} from "./hostile-corpus"
import { inBatches } from "./in-batches"
import { coverageGaps, isWrite, RouteKey, routeTable } from "./route-table"
import { seedWorld, World } from "./world"

jest.setTimeout(300_000)

// the app's SMTP server is this in-process sink; medusa-config.ts reads SMTP_URL when the runner boots
const sink = smtpSinkForSuite()

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    let http: HttpClient
    let world: World
    const allWriteRoutes = routeTable().filter(isWrite)
    const writeRoutes = allWriteRoutes.filter((route) => !(route in HOSTILE_INPUT_TESTED_ELSEWHERE))
    const baseUrl = () => api.defaults.baseURL!

    beforeAll(async () => {
      http = httpClient(api)
      world = await seedWorld(http, getContainer(), baseUrl())
    })

    const headersOf = (corpus: RouteCorpus): Record<string, string> => {
      switch (corpus.caller) {
        case "admin":
          return world.admin.headers
        case "member":
          return world.members.a1.headers
        case "registration":
          return { ...bearer(world.registrationToken), "x-publishable-api-key": world.publishableKey }
      }
    }
    /**
     * The plugin's tables a hostile request must leave as they were. Not
     * `affiliate_thread_email`: the seeded messages' email deliveries write it
     * in the background while the checks run; a hostile request that sent
     * anything would show in `affiliate_message`.
     */
    const checkedTables = async () =>
      (await pluginTables(dbConnection)).filter((table) => table !== "affiliate_thread_email")
    /** Logins bound to a member: a refused sign-up or invite acceptance must bind none (the auth module's table). */
    const boundLogins = async () =>
      (await dbConnection.raw(`select count(*)::int as n from auth_identity where app_metadata->>'affiliate_id' is not null`)).rows[0].n
    const call = (route: RouteKey, request: RouteRequest) =>
      callRoute(http, baseUrl(), route, { ...request, headers: request.headers ?? headersOf(HOSTILE_CORPUS[route]) })

    it("has a corpus entry for every write route of the source tree, and none without a route", () => {
      expect(writeRoutes.length).toBeGreaterThan(15)
      expect(
        coverageGaps(allWriteRoutes, [...Object.keys(HOSTILE_CORPUS), ...Object.keys(HOSTILE_INPUT_TESTED_ELSEWHERE)])
      ).toEqual({ missing: [], unknown: [] })
    })

    it("answers every hostile request with its 4xx and a message, and writes nothing", async () => {
      const cases = writeRoutes.flatMap((route) =>
        hostileCases(route, HOSTILE_CORPUS[route], world).map((hostile) => ({ route, ...hostile }))
      )
      const tables = await checkedTables()
      const before = await countRows(dbConnection, tables)
      const loginsBefore = await boundLogins()
      const started = Date.now()
      const problems = (
        await inBatches(cases, 6, async ({ route, label, status, request }) => {
          const answer = await call(route, request)
          const found = refusalProblems(answer)
          if (answer.status !== status) {
            found.push(`answered ${answer.status}, expected ${status}: ${answer.text.slice(0, 200)}`)
          }
          return found.map((problem) => `${route} with ${label}: ${problem}`)
        })
      ).flat()
      expect(problems).toEqual([])
      expect(await countRows(dbConnection, tables)).toEqual(before)
      expect(await boundLogins()).toBe(loginsBefore)
      // JSON keys such as __proto__ must not have reached any prototype of the process the app runs in
      expect(({} as Record<string, unknown>).polluted).toBeUndefined()
      console.log(
        `[reliability] hostile inputs tried: ${cases.length} (all 4xx, no rows written) on ${writeRoutes.length} write routes ` +
          `in ${((Date.now() - started) / 1000).toFixed(1)} s`
      )
    })

    it("answers an admin URL that cannot be percent-decoded with a 400 for every caller, before Medusa's /admin* middleware fails on it", async () => {
      // Medusa's own `/admin*` middleware (setSecretApiKeyContext) is matched
      // before any plugin middleware and Express fails to decode its
      // wildcard (a 500); the plugin's check runs in front of Medusa's
      // authentication of /admin (reject-malformed-paths.ts). Guard: this
      // fails when Medusa stops registering that authentication as
      // `authMiddleware` through `ApiLoader.traceMiddleware`.
      const tables = await checkedTables()
      const before = await countRows(dbConnection, tables)
      for (const [, encoded] of UNDECODABLE_PATH_IDS) {
        for (const headers of [world.admin.headers, undefined]) {
          const answer = await http.send("POST", `/admin/affiliates/${encoded}`, { name: "x" }, headers)
          expect([answer.status, answer.data.type]).toEqual([400, "invalid_data"])
          expect(answer.data.message).toMatch(/^Malformed URL/)
        }
      }
      expect(await countRows(dbConnection, tables)).toEqual(before)
    })

    it("stores and returns valid Unicode exactly, and markup as plain text", async () => {
      const unicode = [
        "RTL override \u202eevil.exe\u202c here",
        "emoji 👩🏽‍💻 🇫🇷 🏳️‍🌈 and a ZWJ\u200dsequence",
        "combining: e\u0301 n\u0303 Z\u0324\u0354\u0367\u0311\u0313",
        "astral: 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 𠜎 and a BOM\ufeffinside",
        "line\nbreaks\r\nand\ttabs and a line separator\u2028here",
      ].join(" · ")
      const markup = `<script>alert("x")</script><img src=x onerror=alert(1)> &amp; ' " \\ {{7*7}} \${1+1} ' OR '1'='1`
      for (const body of [unicode, markup]) {
        const started = await http.post("/admin/conversations", { affiliate_id: world.affiliates.a, body }, world.admin.headers)
        expect(started.status).toBe(200)
        expect(started.data.message.body).toBe(body)
        const reply = await http.post(
          `/store/affiliates/me/conversations/${world.threads.teamA.conversation}/messages`,
          { body },
          world.members.a1.headers
        )
        expect(reply.status).toBe(200)
        expect(reply.data.message.body).toBe(body)
        expect(reply.headers["content-type"]).toMatch(/^application\/json/)
      }
      const thread = await http.get(`/store/affiliates/me/conversations/${world.threads.teamA.conversation}/messages?limit=4`, world.members.a1.headers)
      expect(thread.data.messages.map((m: any) => m.body)).toEqual([unicode, unicode, markup, markup])
      const conversation = await http.get(`/admin/conversations/${world.threads.teamA.conversation}`, world.admin.headers)
      expect(conversation.data.conversation.last_message_preview).toBe(Array.from(markup).slice(0, 200).join(""))

      // the longest message, every character astral and sent as ASCII-escaped JSON (\ud83d\ude00: 12 bytes each)
      const longest = "😀".repeat(10_000)
      const escaped = JSON.stringify({ body: longest }).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)
      expect(escaped.length).toBeGreaterThan(100 * 1024)
      const sent = await http.send("POST", `/store/affiliates/me/conversations/${world.threads.teamA.conversation}/messages`, escaped, world.members.a1.headers)
      expect(sent.status).toBe(200)
      expect(sent.data.message.body).toBe(longest)

      const name = "Zoë Café 👩🏽‍💻 e\u0301 <b>bold</b> & co"
      const renamed = await http.post(`/admin/affiliates/${world.affiliates.a}`, { name }, world.admin.headers)
      expect(renamed.status).toBe(200)
      expect(renamed.data.affiliate.name).toBe(name)
      const me = await http.post("/store/affiliates/me", { first_name: "Renée 😀", last_name: "O'Brien-<i>x</i>" }, world.members.a1.headers)
      expect(me.status).toBe(200)
      expect(me.data.member).toMatchObject({ first_name: "Renée 😀", last_name: "O'Brien-<i>x</i>" })
      expect(me.data.affiliate.name).toBe(name)
    })

    it("keeps injected email headers out of real emails: refused where they could act, inert text elsewhere", async () => {
      const member = world.members.a1
      const refused = [
        await http.post(`/admin/affiliates/${world.affiliates.a}`, { name: HEADER_INJECTION }, world.admin.headers),
        await http.post("/store/affiliates/me", { first_name: HEADER_INJECTION }, member.headers),
        await http.post(`/admin/affiliates/${world.affiliates.a}/invites`, { email: HEADER_INJECTION }, world.admin.headers),
        await http.post("/admin/messaging/settings", { notification_emails: [`ops@shop.test\r\nBcc: ${INJECTED_BCC}`] }, world.admin.headers),
      ]
      expect(refused.map((res) => [res.status, typeof res.data.message])).toEqual(refused.map(() => [400, "string"]))

      // the same words without a line break are just a name
      const teamName = `Evil Bcc: ${INJECTED_BCC}`
      const firstName = `Bcc: ${INJECTED_BCC}`
      expect((await http.post(`/admin/affiliates/${world.affiliates.a}`, { name: teamName }, world.admin.headers)).status).toBe(200)
      expect((await http.post("/store/affiliates/me", { first_name: firstName }, member.headers)).status).toBe(200)
      const toOwner = await http.post("/store/affiliates/me/conversations", { body: "Injection probe to the owner" }, member.headers)
      expect(toOwner.status).toBe(200)
      const toTeam = await http.post("/admin/conversations", { affiliate_id: world.affiliates.a, body: "Injection probe to the team" }, world.admin.headers)
      expect(toTeam.status).toBe(200)

      // team A's manager (the admin) and the notification address
      const ownerEmails = await sink.waitFor((email) => email.text.includes("Injection probe to the owner"), 2)
      const teamEmails = await sink.waitFor((email) => email.text.includes("Injection probe to the team"), 2)
      expect(ownerEmails.flatMap((email) => email.envelopeTo).sort()).toEqual([world.admin.user.email, world.notificationEmail].sort())
      expect(ownerEmails[0].subject).toBe(`Test Store: new message from ${firstName} (${teamName})`)
      expect(teamEmails.flatMap((email) => email.envelopeTo).sort()).toEqual(
        [`a1-${world.run}@alpha.test`, `a2-${world.run}@alpha.test`].sort()
      )
      for (const email of sink.emails) {
        expect(email.envelopeTo).not.toContain(INJECTED_BCC)
        expect(email.to).not.toContain(INJECTED_BCC)
        expect([...email.raw.headers.keys()].filter((key) => ["bcc", "cc", "reply-to", "x-evil"].includes(key))).toEqual([])
        expect(email.raw.headerLines.filter((line) => line.key === "subject")).toHaveLength(1)
      }
      console.log(`[reliability] header injection: ${sink.emails.length} emails received, none to ${INJECTED_BCC}, no injected header`)
    })

    it("accepts each route's control request: the hostile cases differ from it only in what they break", async () => {
      const problems: string[] = []
      // the group is deleted last: other controls use it
      const ordered = [...writeRoutes.filter((route) => !route.startsWith("DELETE")), ...writeRoutes.filter((route) => route.startsWith("DELETE"))]
      for (const route of ordered) {
        const corpus = HOSTILE_CORPUS[route]
        const request = corpus.control ? await corpus.control(world, http) : corpus.template(world)
        const answer = await call(route, request)
        if (answer.status >= 300) {
          problems.push(`${route}: ${answer.status} ${answer.text.slice(0, 200)}`)
        }
      }
      expect(problems).toEqual([])
    })

    it("stores and offers UTF-8 filenames of every script exactly: in the answer, the thread and Content-Disposition", async () => {
      const names = [
        "Résumé – Q3 €.pdf",
        "Größenübersicht März.pdf",
        "Σύμβαση συνεργασίας.pdf",
        "Договор поставки №7.pdf",
        "عقد الشراكة.pdf",
        "合作协议书.pdf",
        "契約書（案）.pdf",
        "🚀 Launch 👩🏽‍💻.pdf",
      ]
      const member = world.members.a1
      const uploaded = await uploadMultipart(
        `${baseUrl()}/store/affiliates/me/attachments`,
        member.headers,
        names.map((filename) => ({ filename, content: FIXTURES.pdf }))
      )
      expect(uploaded.status).toBe(200)
      expect(uploaded.data.attachments.map((a: any) => a.filename)).toEqual(names)
      const sent = await http.post(
        `/store/affiliates/me/conversations/${world.threads.teamA.conversation}/messages`,
        { body: "", attachment_ids: uploaded.data.attachments.map((a: any) => a.id) },
        member.headers
      )
      expect(sent.status).toBe(200)
      for (const attachment of sent.data.message.attachments) {
        const res = await http.get(`/admin/messaging/attachments/${attachment.id}`, world.admin.headers)
        expect(res.status).toBe(200)
        const encoded = /filename\*=UTF-8''([^;]+)/.exec(res.headers["content-disposition"])?.[1]
        expect(decodeURIComponent(encoded!)).toBe(attachment.filename)
      }
      expect(sent.data.message.attachments.map((a: any) => a.filename).sort()).toEqual([...names].sort())
      console.log(`[reliability] UTF-8 filenames: ${names.length} scripts (French, German, Greek, Cyrillic, Arabic, Chinese, Japanese, emoji) stored and offered exactly`)
    })

    it("reads only the requested bytes for a header-only Range request of a large file", async () => {
      const MB = 1024 * 1024
      const upload = await uploadMultipart(`${baseUrl()}/admin/messaging/attachments`, world.admin.headers, [
        { filename: "catalogue.pdf", content: generatedFile(FIXTURES.pdf, 200 * MB) },
      ])
      expect(upload.status).toBe(200)
      const url = `/admin/messaging/attachments/${upload.data.attachments[0].id}`
      // the app serves from this process: its read(2) bytes are those of the download
      const bytesRead = () => Number(/rchar: (\d+)/.exec(fs.readFileSync("/proc/self/io", "utf8"))![1])
      const reads: number[] = []
      for (const [range, expected] of [
        ["bytes=0-0", "%"],
        ["bytes=0-7", "%PDF-1.4"],
        [`bytes=${200 * MB - 2}-`, "  "],
      ]) {
        const before = bytesRead()
        const res = await http.get(url, { ...world.admin.headers, range })
        reads.push(bytesRead() - before)
        expect(res.status).toBe(206)
        expect(String(res.data)).toBe(expected)
        expect(res.headers["content-range"]).toMatch(new RegExp(`/${200 * MB}$`))
      }
      expect(Math.max(...reads)).toBeLessThan(MB)
      console.log(`[reliability] Range on a 200 MB attachment: bytes=0-0, 0-7 and the last 2 bytes read ${reads.join(", ")} bytes in the app's process (not 200 MB)`)
    })
  },
})
