import { Modules } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { UploadError } from "../../src/api/utils/attachments/upload-refusal"
import { purgeUnsentAttachmentsWorkflow, uploadAttachmentsWorkflow } from "../../src/workflows"
import { FIXTURES } from "../helpers/fixtures"
import { officeFixtures } from "../helpers/office-fixtures"
import { httpClient, HttpClient } from "../helpers/http-client"
import { signUpAffiliate } from "../helpers/actors"
import { fetchUpload, generatedFile, uploadMultipart, UploadPart } from "../helpers/multipart"
import { createProgram, MemberLogin } from "../helpers/program"

jest.setTimeout(240_000)

const MB = 1024 * 1024

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    let http: HttpClient
    let program: Awaited<ReturnType<typeof createProgram>>
    let baseUrl: string

    beforeEach(async () => {
      http = httpClient(api)
      program = await createProgram(http, getContainer())
      baseUrl = api.defaults.baseURL
    })

    const adminUpload = (parts: UploadPart[]) =>
      uploadMultipart(`${baseUrl}/admin/messaging/attachments`, program.admin.headers, parts)
    const memberUpload = (member: Pick<MemberLogin, "headers">, parts: UploadPart[]) =>
      uploadMultipart(`${baseUrl}/store/affiliates/me/attachments`, member.headers, parts)
    const download = (url: string, headers: Record<string, string>, extra: Record<string, string> = {}) =>
      api.get(url, { headers: { ...headers, ...extra }, responseType: "arraybuffer", validateStatus: () => true })
    const attachmentRows = async () =>
      (await dbConnection.raw("select count(*)::int as n from affiliate_message_attachment")).rows[0].n

    it("round trip on both sides: upload, send, list, download byte for byte", async () => {
      const team = await program.team("Files Co", "fay@files.test")
      const kinds = [
        { filename: "logo.png", content: FIXTURES.png, mime: "image/png" },
        { filename: "photo.jpg", content: FIXTURES.jpeg, mime: "image/jpeg" },
        { filename: "anim.gif", content: FIXTURES.gif, mime: "image/gif" },
        { filename: "terms.pdf", content: FIXTURES.pdf, mime: "application/pdf" },
        { filename: "notes.txt", content: FIXTURES.txt, mime: "text/plain" },
        { filename: "stats.csv", content: FIXTURES.csv, mime: "text/csv" },
      ]
      const uploaded = await adminUpload(kinds.map((k) => ({ filename: k.filename, content: k.content, contentType: "application/octet-stream" })))
      expect(uploaded.status).toBe(200)
      expect(uploaded.data.attachments).toEqual(
        kinds.map((k) =>
          expect.objectContaining({
            id: expect.stringMatching(/^matt_/),
            filename: k.filename,
            mime_type: k.mime,
            size: k.content.length,
            url: expect.stringMatching(/^\/admin\/messaging\/attachments\/matt_/),
          })
        )
      )
      const ids = uploaded.data.attachments.map((a: any) => a.id)

      const sent = await http.post(
        "/admin/conversations",
        { affiliate_id: team.affiliate_id, body: "", attachment_ids: ids },
        program.admin.headers
      )
      expect(sent.status).toBe(201)
      expect(sent.data.message.attachments.map((a: any) => a.id).sort()).toEqual([...ids].sort())

      const thread = await http.get(`/store/affiliates/me/conversations/${sent.data.conversation.id}/messages`, team.headers)
      const listed = thread.data.messages[0].attachments
      expect(listed.map((a: any) => a.url).sort()).toEqual(ids.map((id: string) => `/store/affiliates/me/attachments/${id}`).sort())
      const urlOf = (filename: string) => listed.find((a: any) => a.filename === filename).url
      for (const kind of kinds) {
        const res = await download(urlOf(kind.filename), team.headers)
        expect(res.status).toBe(200)
        expect(Buffer.from(res.data).equals(kind.content)).toBe(true)
        expect(res.headers["content-type"]).toContain(kind.mime)
        expect(res.headers["x-content-type-options"]).toBe("nosniff")
        expect(res.headers["content-disposition"]).toMatch(/^attachment;/)
        expect(Number(res.headers["content-length"])).toBe(kind.content.length)
      }

      // the affiliate side sends one back
      const back = await memberUpload(team, [{ filename: "reply.pdf", content: FIXTURES.pdf }])
      expect(back.status).toBe(200)
      const reply = await http.post(
        `/store/affiliates/me/conversations/${sent.data.conversation.id}/messages`,
        { body: "Signed", attachment_ids: [back.data.attachments[0].id] },
        team.headers
      )
      expect(reply.status).toBe(200)
      const adminCopy = await download(`/admin/messaging/attachments/${back.data.attachments[0].id}`, program.admin.headers)
      expect(Buffer.from(adminCopy.data).equals(FIXTURES.pdf)).toBe(true)

      // a byte range of a file
      const partial = await download(urlOf("terms.pdf"), team.headers, { range: "bytes=0-7" })
      expect(partial.status).toBe(206)
      expect(Buffer.from(partial.data).toString()).toBe("%PDF-1.4")
      expect(partial.headers["content-range"]).toBe(`bytes 0-7/${FIXTURES.pdf.length}`)
    })

    it("accepts every office format by content and returns it byte for byte", async () => {
      const team = await program.team("Office Co", "otto@office.test")
      const kinds = await officeFixtures()
      const uploaded = await memberUpload(team, kinds.map((k) => ({ filename: k.filename, content: k.content })))
      expect(uploaded.status).toBe(200)
      expect(uploaded.data.attachments.map((a: any) => a.mime_type)).toEqual(kinds.map((k) => k.mime))
      const sent = await http.post(
        "/store/affiliates/me/conversations",
        { body: "Reports attached", attachment_ids: uploaded.data.attachments.map((a: any) => a.id) },
        team.headers
      )
      expect(sent.status).toBe(201)
      expect(sent.data.message.attachments).toHaveLength(9)
      for (const [i, kind] of kinds.entries()) {
        const res = await download(`/admin/messaging/attachments/${uploaded.data.attachments[i].id}`, program.admin.headers)
        expect(res.status).toBe(200)
        expect(res.headers["content-type"]).toContain(kind.mime)
        expect(Buffer.from(res.data).equals(kind.content)).toBe(true)
      }
      // the OLE container alone does not say which office file it is: other names are refused
      const unnamed = await memberUpload(team, [{ filename: "report.bin", content: kinds[6].content }])
      expect(unnamed.status).toBe(415)
    })

    it("refuses by content, not by name or header: spoofed files are 415", async () => {
      const before = await attachmentRows()
      for (const part of [
        { filename: "cute.png", content: FIXTURES.elf, contentType: "image/png" },
        { filename: "invoice.pdf", content: FIXTURES.html, contentType: "application/pdf" },
        { filename: "page.txt", content: FIXTURES.html, contentType: "text/plain" },
      ]) {
        const res = await adminUpload([part])
        expect(res.status).toBe(415)
        expect(res.data.message).toMatch(/file type not allowed/)
      }
      expect(await attachmentRows()).toBe(before)
    })

    it("refuses 11 files, other fields and empty requests with 400, storing nothing", async () => {
      const before = await attachmentRows()
      const eleven = Array.from({ length: 11 }, (_, i) => ({ filename: `f${i}.txt`, content: FIXTURES.txt }))
      const tooMany = await adminUpload(eleven)
      expect(tooMany.status).toBe(400)
      expect(tooMany.data.message).toMatch(/At most 10 files/)
      const wrongField = await adminUpload([{ filename: "a.txt", content: FIXTURES.txt, field: "file" }])
      expect(wrongField.status).toBe(400)
      const notMultipart = await http.post("/admin/messaging/attachments", { files: [] }, program.admin.headers)
      expect(notMultipart.status).toBe(400)
      expect(await attachmentRows()).toBe(before)
    })

    it("holds the size limits while streaming: 30 MB image ok, one byte more 413, 250 MB + 1 PDF 413 without memory growth", async () => {
      const exact = await adminUpload([{ filename: "big.png", content: generatedFile(FIXTURES.png, 30 * MB) }])
      expect(exact.status).toBe(200)
      expect(exact.data.attachments[0].size).toBe(30 * MB)

      const over = await adminUpload([{ filename: "bigger.png", content: generatedFile(FIXTURES.png, 30 * MB + 1) }])
      expect(over.status).toBe(413)
      expect(over.data.message).toMatch(/larger than 30 MB/)

      const rssBefore = process.memoryUsage().rss
      let peak = rssBefore
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50)
      const huge = await adminUpload([{ filename: "huge.pdf", content: generatedFile(FIXTURES.pdf, 250 * MB + 1) }])
      clearInterval(sampler)
      expect(huge.status).toBe(413)
      const growthMb = (peak - rssBefore) / MB
      console.log(`[attachments] 250 MB + 1 byte PDF refused; RSS growth during the upload: ${growthMb.toFixed(1)} MB`)
      expect(growthMb).toBeLessThan(64)
    })

    it("lets only those who can see the conversation (or the uploader, before sending) download", async () => {
      const team = await program.team("Private Co", "pia@private.test")
      const two = await program.member(team.affiliate_id, "two@private.test")
      const other = await program.team("Other Co", "oz@other.test")

      const file = (await adminUpload([{ filename: "for-pia.pdf", content: FIXTURES.pdf }])).data.attachments[0]
      const unsent = `/store/affiliates/me/attachments/${file.id}`
      // nobody on the store side sees an admin's unsent upload
      expect((await download(unsent, team.headers)).status).toBe(404)

      await http.post(
        "/admin/conversations",
        { affiliate_id: team.affiliate_id, member_id: team.member_id, body: "Private", attachment_ids: [file.id] },
        program.admin.headers
      )
      expect((await download(unsent, team.headers)).status).toBe(200)
      expect((await download(unsent, two.headers)).status).toBe(404)
      expect((await download(unsent, other.headers)).status).toBe(404)
      expect((await download(unsent, { "x-publishable-api-key": program.publishableKey })).status).toBe(401)
      expect((await download(`/admin/messaging/attachments/${file.id}`, {})).status).toBe(401)

      const own = (await memberUpload(two, [{ filename: "draft.txt", content: FIXTURES.txt }])).data.attachments[0]
      expect((await download(`/store/affiliates/me/attachments/${own.id}`, two.headers)).status).toBe(200)
      expect((await download(`/store/affiliates/me/attachments/${own.id}`, team.headers)).status).toBe(404)
      expect((await download("/store/affiliates/me/attachments/matt_missing", team.headers)).status).toBe(404)
    })

    it("refuses uploads from an affiliate that could not send them, storing nothing", async () => {
      const group = (
        await http.post(
          "/admin/affiliate-groups",
          { name: "Quiet tier", messaging_disabled_message: "Write to partners@shop.test" },
          program.admin.headers
        )
      ).data.affiliate_group
      const quiet = await program.team("Quiet Co", "quinn@quiet.test", { group_id: group.id })
      const declined = await program.team("Gone Co", "gil@gone.test")
      await http.post(`/admin/affiliate-groups/${group.id}`, { messaging_enabled: false }, program.admin.headers)
      await program.setStatus(declined.affiliate_id, "declined")
      const before = await attachmentRows()

      const fromQuiet = await memberUpload(quiet, [{ filename: "a.pdf", content: FIXTURES.pdf }])
      expect(fromQuiet.status).toBe(403)
      expect(fromQuiet.data.message).toBe("Write to partners@shop.test")
      const fromDeclined = await memberUpload(declined, [{ filename: "b.pdf", content: FIXTURES.pdf }])
      expect(fromDeclined.status).toBe(409)
      expect(fromDeclined.data.message).toMatch(/declined; its conversations are read-only/)
      // refused before the body is read: over the size limit, it answers 409, not 413
      const oversized = await memberUpload(declined, [{ filename: "huge.pdf", content: generatedFile(FIXTURES.pdf, 250 * MB + 1) }])
      expect(oversized.status).toBe(409)
      expect(await attachmentRows()).toBe(before)

      // back on, the same member uploads
      await http.post(`/admin/affiliate-groups/${group.id}`, { messaging_enabled: true }, program.admin.headers)
      expect((await memberUpload(quiet, [{ filename: "a.pdf", content: FIXTURES.pdf }])).status).toBe(200)
    })

    it("sends an attachment once, only by its uploader", async () => {
      const team = await program.team("Once Co", "oli@once.test")
      const file = (await adminUpload([{ filename: "once.pdf", content: FIXTURES.pdf }])).data.attachments[0]
      const first = await http.post(
        "/admin/conversations",
        { affiliate_id: team.affiliate_id, body: "Here", attachment_ids: [file.id] },
        program.admin.headers
      )
      expect(first.status).toBe(201)
      const count = async () =>
        (await dbConnection.raw("select count(*)::int as n from affiliate_message")).rows[0].n
      const messages = await count()
      const again = await http.post(
        `/admin/conversations/${first.data.conversation.id}/messages`,
        { body: "Again", attachment_ids: [file.id] },
        program.admin.headers
      )
      expect(again.status).toBe(400)
      expect(again.data.message).toMatch(/cannot be sent/)
      const fromAffiliate = await http.post(
        `/store/affiliates/me/conversations/${first.data.conversation.id}/messages`,
        { body: "Mine?", attachment_ids: [(await adminUpload([{ filename: "x.txt", content: FIXTURES.txt }])).data.attachments[0].id] },
        team.headers
      )
      expect(fromAffiliate.status).toBe(400)
      expect(await count()).toBe(messages)
    })

    it("purges uploads not sent within 24 hours, files included", async () => {
      const team = await program.team("Purge Co", "pam@purge.test")
      const memberStale = (await memberUpload(team, [{ filename: "member-stale.txt", content: FIXTURES.txt }])).data.attachments[0]
      const [stale, fresh, sentOld] = (
        await adminUpload([
          { filename: "stale.txt", content: FIXTURES.txt },
          { filename: "fresh.txt", content: FIXTURES.txt },
          { filename: "sent.txt", content: FIXTURES.txt },
        ])
      ).data.attachments
      await http.post("/admin/conversations", { affiliate_id: team.affiliate_id, body: "Sent", attachment_ids: [sentOld.id] }, program.admin.headers)
      await dbConnection.raw(
        "update affiliate_message_attachment set created_at = now() - interval '25 hours' where id in (?, ?, ?)",
        [stale.id, sentOld.id, memberStale.id]
      )
      const fileIdOf = async (id: string) =>
        (await dbConnection.raw("select file_id from affiliate_message_attachment where id = ?", [id])).rows[0]?.file_id
      const staleFile = await fileIdOf(stale.id)
      const files = getContainer().resolve(Modules.FILE)
      await expect(files.getAsBuffer(staleFile)).resolves.toBeInstanceOf(Buffer)

      const { result } = await purgeUnsentAttachmentsWorkflow(getContainer()).run({ input: { batch_size: 100 } })
      // a member's unsent upload too; sent ones are history and stay
      expect([...result].sort()).toEqual([stale.id, memberStale.id].sort())
      await expect(files.getAsBuffer(staleFile)).rejects.toThrow()
      expect((await download(`/admin/messaging/attachments/${stale.id}`, program.admin.headers)).status).toBe(404)
      expect((await download(`/admin/messaging/attachments/${fresh.id}`, program.admin.headers)).status).toBe(200)
      expect((await download(`/admin/messaging/attachments/${sentOld.id}`, program.admin.headers)).status).toBe(200)
      await expect(files.getAsBuffer(await fileIdOf(fresh.id))).resolves.toBeInstanceOf(Buffer)
    })

    it("refuses uploads from a pending affiliate (allowPendingUploads off): 403 not_allowed, before the body is read, nothing stored", async () => {
      const pending = await signUpAffiliate(http, program.publishableKey, { name: "Waiting Co", email: "wes@waiting.test" })
      expect(pending.affiliate.status).toBe("pending")
      const before = await attachmentRows()
      const refused = await memberUpload(pending, [{ filename: "a.pdf", content: FIXTURES.pdf }])
      expect(refused).toEqual({
        status: 403,
        data: {
          type: "not_allowed",
          message: "This affiliate account is waiting for approval: attachments can be uploaded once the store approves it",
        },
      })
      // refused before a byte is read: 300 MB at full speed still gets its 403, not a reset
      const huge = await fetchUpload(`${baseUrl}/store/affiliates/me/attachments`, pending.headers, { filename: "huge.pdf", head: FIXTURES.pdf, size: 300 * MB })
      expect(huge.status).toBe(403)
      expect(await attachmentRows()).toBe(before)
      // the same member may still write text
      expect((await http.post("/store/affiliates/me/conversations", { body: "Hello" }, pending.headers)).status).toBe(201)
      // the workflow holds the rule too (files that streamed while the affiliate lost the right are not recorded),
      // and its error is answered as the route's early refusal is
      const recorded = await uploadAttachmentsWorkflow(getContainer())
        .run({
          input: {
            uploader: { type: "affiliate", id: pending.member.id },
            files: [{ file_id: "private-0-matt-none", filename: "a.pdf", mime_type: "application/pdf", size: 1 }],
          },
        })
        .catch((error) => error)
      expect(UploadError.fromAccessRefusal(recorded)).toMatchObject({ status: 403, type: "not_allowed", message: refused.data.message })

      await program.setStatus(pending.affiliate.id, "active")
      expect((await memberUpload(pending, [{ filename: "a.pdf", content: FIXTURES.pdf }])).status).toBe(200)
    })

    it("matches the name's extension to the sniffed type: 415 naming the allowed ones, the type's extension added to a bare name", async () => {
      const team = await program.team("Ext Co", "eva@ext.test")
      const before = await attachmentRows()
      for (const [filename, content, allowed] of [
        ["logo.pdf", FIXTURES.png, ".png"],
        ["photo.png", FIXTURES.jpeg, ".jpg or .jpeg"],
        ["payout_\u202Efdp.hta", FIXTURES.txt, ".txt"],
        ["terms.txt", FIXTURES.pdf, ".pdf"],
      ] as const) {
        const res = await memberUpload(team, [{ filename, content }])
        expect(res.status).toBe(415)
        expect(res.data.type).toBe("invalid_data")
        expect(res.data.message).toMatch(new RegExp(`does not match the file's content .*; name it ${allowed.replace(/\./g, "\\.")}$`))
        // the bidi override is gone from the name the message shows
        expect(res.data.message).not.toMatch(/[\p{Cc}\p{Cf}]/u)
      }
      expect(await attachmentRows()).toBe(before)

      const bare = await memberUpload(team, [
        { filename: "scan", content: FIXTURES.png },
        { filename: "minutes.", content: FIXTURES.txt },
        { filename: "Quarter.CSV", content: FIXTURES.csv },
      ])
      expect(bare.status).toBe(200)
      expect(bare.data.attachments.map((a: any) => [a.filename, a.mime_type])).toEqual([
        ["scan.png", "image/png"],
        ["minutes.txt", "text/plain"],
        ["Quarter.CSV", "text/csv"],
      ])
    })

    it("answers a refused upload to a client still sending 300 MB at full speed, 20 times in a row: 413 and 415, never a reset", async () => {
      const url = `${baseUrl}/admin/messaging/attachments`
      const before = await attachmentRows()
      const outcomes: Record<string, (number | string)[]> = { "413": [], "415": [] }
      const sentMb: number[] = []
      for (let i = 0; i < 20; i++) {
        // over the 30 MB image limit: refused while streaming, after 30 MB were read
        const tooLarge = await fetchUpload(url, program.admin.headers, { filename: "big.png", head: FIXTURES.png, size: 300 * MB })
        // not an allowed type: refused after the first 64 KB
        const spoofed = await fetchUpload(url, program.admin.headers, { filename: "tool.png", head: FIXTURES.elf, size: 300 * MB })
        outcomes["413"].push(tooLarge.status)
        outcomes["415"].push(spoofed.status)
        expect(tooLarge.data?.message).toMatch(/larger than 30 MB/)
        sentMb.push(tooLarge.sent / MB, spoofed.sent / MB)
      }
      expect(outcomes).toEqual({ "413": Array(20).fill(413), "415": Array(20).fill(415) })
      expect(await attachmentRows()).toBe(before)
      console.log(
        `[attachments] 40 refused 300 MB uploads (20 × 413, 20 × 415) all answered, no reset; ` +
          `the client had sent at most ${Math.max(...sentMb).toFixed(0)} MB when it stopped`
      )
    })

    it("stores and serves hostile filenames safely", async () => {
      const team = await program.team("Names Co", "nia@names.test")
      const name = 'quote"d\r\nX-Evil: 1 ../../etc/passwd ünï 😀.txt'
      const file = (await adminUpload([{ filename: name, content: FIXTURES.txt }])).data.attachments[0]
      expect(file.filename).not.toMatch(/[\r\n/\\]/)
      await http.post("/admin/conversations", { affiliate_id: team.affiliate_id, body: "Names", attachment_ids: [file.id] }, program.admin.headers)
      const res = await download(`/store/affiliates/me/attachments/${file.id}`, team.headers)
      expect(res.status).toBe(200)
      expect(res.headers["x-evil"]).toBeUndefined()
      expect(res.headers["content-disposition"]).toMatch(/filename\*=UTF-8''/)
      expect(Buffer.from(res.data).equals(FIXTURES.txt)).toBe(true)
    })
  },
})
