import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { FIXTURES } from "../helpers/fixtures"
import { httpClient, HttpClient } from "../helpers/http-client"
import { uploadMultipart } from "../helpers/multipart"
import { createProgram } from "../helpers/program"
import { smtpSinkForSuite } from "../helpers/smtp-sink"

jest.setTimeout(300_000)

const sink = smtpSinkForSuite()
const HOSTILE_NAME = `<img src=x onerror=alert(1)>`
// String.replace's and regexp_replace's replacement patterns, and a tag inside a value
const PATTERN_NAME = `Cash $& $1 $$ \\1 \\& Co {{store.name}}`

/**
 * Merge tags: the values go in as plain text, once, and every renderer
 * escapes them (the body stays plain text); an unknown tag is a 400 before
 * anything is written; a broadcast of attachments alone sends them to
 * every recipient with an empty body.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    let http: HttpClient
    let program: Awaited<ReturnType<typeof createProgram>>
    let hostile: { affiliate_id: string; member_id: string; headers: Record<string, string> }
    let patterned: { affiliate_id: string; member_id: string; headers: Record<string, string> }
    let outsider: { affiliate_id: string; member_id: string; headers: Record<string, string> }
    // what {{store.name}} says: the plugin's storeName option (the host sets it)
    let storeName: string

    const sendAndWait = async (body: Record<string, unknown>) => {
      const created = await http.post("/admin/affiliate-broadcasts", body, program.admin.headers)
      expect(created.status).toBe(202)
      const id = created.data.broadcast.id as string
      const deadline = Date.now() + 60_000
      let broadcast = created.data.broadcast
      while (broadcast.status !== "sent" && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 200))
        broadcast = (await http.get(`/admin/affiliate-broadcasts/${id}`, program.admin.headers)).data.broadcast
      }
      expect(broadcast.status).toBe("sent")
      return broadcast
    }
    /** The broadcast's copy in an affiliate's team thread, as its member reads it. */
    const copyFor = async (member: { headers: Record<string, string> }, broadcastId: string) => {
      const list = await http.get("/store/affiliates/me/conversations?limit=50", member.headers)
      const team = list.data.conversations.find((c: any) => c.member === null)
      if (!team) return undefined
      const thread = await http.get(`/store/affiliates/me/conversations/${team.id}/messages?limit=50`, member.headers)
      return thread.data.messages.find((m: any) => m.broadcast_id === broadcastId)
    }
    const broadcastRows = async () => (await dbConnection.raw("select count(*)::int as n from affiliate_broadcast")).rows[0].n

    beforeAll(async () => {
      http = httpClient(api)
      program = await createProgram(http, getContainer())
      hostile = await program.team(HOSTILE_NAME, "xss@tags.test")
      patterned = await program.team(PATTERN_NAME, "cash@tags.test")
      outsider = await program.team("Outsider Media", "outsider@tags.test")
      storeName = "Test Store"
    })

    it("inserts an affiliate's name as plain text, escaped in the email's HTML and the same in every API", async () => {
      const broadcast = await sendAndWait({
        body: "Hi {{affiliate.name}}, news from {{store.name}}.",
        audience: { affiliate_ids: [hostile.affiliate_id, patterned.affiliate_id] },
      })
      expect([broadcast.recipient_count, broadcast.delivered_count]).toEqual([2, 2])
      // the template stays as written
      expect(broadcast.body).toBe("Hi {{affiliate.name}}, news from {{store.name}}.")

      const hostileCopy = await copyFor(hostile, broadcast.id)
      expect(hostileCopy.body).toBe(`Hi ${HOSTILE_NAME}, news from ${storeName}.`)
      // once, literally: no replacement pattern expanded, no tag inside a value merged again
      const patternedCopy = await copyFor(patterned, broadcast.id)
      expect(patternedCopy.body).toBe(`Hi ${PATTERN_NAME}, news from ${storeName}.`)
      // the admin reads the same copy in the thread
      const adminThread = await http.get(`/admin/conversations/${hostileCopy.conversation_id}/messages?limit=50`, program.admin.headers)
      expect(adminThread.data.messages.find((m: any) => m.broadcast_id === broadcast.id).body).toBe(hostileCopy.body)
      // the outsider got nothing
      expect(await copyFor(outsider, broadcast.id)).toBeUndefined()

      const [email] = await sink.waitFor((e) => e.to.includes("xss@tags.test") && e.text.includes("news from"), 1)
      expect(email.text).toContain(`Hi ${HOSTILE_NAME}, news from ${storeName}.`)
      expect(email.html).toContain(`Hi &lt;img src=x onerror=alert(1)&gt;, news from ${storeName}.`)
      expect(email.html).not.toMatch(/<img[^>]*onerror/i)
      const [patternedEmail] = await sink.waitFor((e) => e.to.includes("cash@tags.test") && e.text.includes("news from"), 1)
      expect(patternedEmail.text).toContain(`Hi ${PATTERN_NAME}, news from ${storeName}.`)
    })

    it("refuses an unknown or malformed tag with a 400 naming it, before anything is written", async () => {
      const before = await broadcastRows()
      for (const body of ["Hi {{affiliate.email}}", "Hi {{ affiliate.password }}", "Hi {{constructor.name}}", "Hi {{__proto__}}"]) {
        const res = await http.post(
          "/admin/affiliate-broadcasts",
          { body, audience: { affiliate_ids: [hostile.affiliate_id] } },
          program.admin.headers
        )
        expect([body, res.status]).toEqual([body, 400])
        expect(res.data.message).toMatch(/affiliate\.email|affiliate\.password|constructor\.name|__proto__/)
      }
      expect(await broadcastRows()).toBe(before)
    })

    it("sends attachments alone: an empty body, the files in every copy, readable by recipients only", async () => {
      const upload = await uploadMultipart(`${api.defaults.baseURL}/admin/messaging/attachments`, program.admin.headers, [
        { filename: "{{affiliate.name}} rates.pdf", content: FIXTURES.pdf },
      ])
      expect(upload.status).toBe(200)
      const attachment = upload.data.attachments[0]
      const broadcast = await sendAndWait({
        body: "   ",
        attachment_ids: [attachment.id],
        audience: { affiliate_ids: [hostile.affiliate_id, patterned.affiliate_id] },
      })
      expect([broadcast.delivered_count, broadcast.attachment_count]).toEqual([2, 1])
      for (const member of [hostile, patterned]) {
        const copy = await copyFor(member, broadcast.id)
        expect(copy.body).toBe("")
        // a file name is not a body: no tag merged into it
        expect(copy.attachments.map((a: any) => a.filename ?? a.name)).toEqual(["{{affiliate.name}} rates.pdf"])
        const download = await fetch(`${api.defaults.baseURL}/store/affiliates/me/attachments/${copy.attachments[0].id}`, {
          headers: member.headers,
        })
        expect(download.status).toBe(200)
        expect(Buffer.from(await download.arrayBuffer())).toEqual(FIXTURES.pdf)
      }
      const copy = await copyFor(hostile, broadcast.id)
      const foreign = await fetch(`${api.defaults.baseURL}/store/affiliates/me/attachments/${copy.attachments[0].id}`, {
        headers: outsider.headers,
      })
      expect(foreign.status).toBe(404)
      const [email] = await sink.waitFor((e) => e.to.includes("xss@tags.test") && /attached file/.test(e.text), 1)
      expect(email.text).toContain("1 attached file")
    })
  },
})
