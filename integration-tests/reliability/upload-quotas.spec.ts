import fs from "fs"
import path from "path"
import { FIXTURES } from "../helpers/fixtures"
import { sql } from "../helpers/medusa-process"
import { fetchUpload, generatedFile, uploadMultipart, UploadPart } from "../helpers/multipart"
import { RedisServer } from "../helpers/redis-server"
import { ScaleProcess, ScaleStore } from "../helpers/scale-host"
import { SmtpSink } from "../helpers/smtp-sink"
import type { MemberSession, StoreProgram } from "../helpers/store-affiliate"

jest.setTimeout(300_000)

/**
 * Per-member upload quotas (`uploadQuotas`) held by two server processes of
 * one store, counting in the Redis they share: a member cannot pass them by
 * spreading uploads over the servers, nor by sending them all at once.
 * Small quotas here, so the tests reach them: 10 files an hour, 8 MB a day.
 */
const MB = 1024 * 1024
const FILES_PER_HOUR = 10
const BYTES_PER_DAY = 8 * MB

describe("upload quotas across two server processes", () => {
  const sink = new SmtpSink()
  const redis = new RedisServer()
  let store: ScaleStore | undefined
  let servers: ScaleProcess[]
  let program: StoreProgram
  let turn = 0
  /** The server for the next request: A, B, A, B, … */
  const next = () => servers[turn++ % 2].url
  const upload = (member: MemberSession, parts: UploadPart[], server = next()) =>
    uploadMultipart(`${server}/store/affiliates/me/attachments`, member.headers, parts)
  const png = (filename = "a.png"): UploadPart[] => [{ filename, content: FIXTURES.png }]
  const pdf = (size: number): UploadPart[] => [{ filename: "doc.pdf", content: Buffer.concat([FIXTURES.pdf, Buffer.alloc(size - FIXTURES.pdf.length, 0x20)]) }]

  /** What the store holds of a member's uploads: rows, and their total size. */
  const stored = async (member: MemberSession) => {
    const [row] = await sql(
      store!.database.name,
      `select count(*)::int as files, coalesce(sum(size), 0)::bigint as bytes from affiliate_message_attachment where uploader_id = '${member.member_id}'`
    )
    return { files: Number(row.files), bytes: Number(row.bytes) }
  }
  const filesOnDisk = () => fs.readdirSync(path.join(store!.uploadDir, "private")).length
  /** The member's counters, in the Redis every server process counts in. */
  const counted = async (member: MemberSession) => {
    const client = redis.client()
    try {
      const [files, bytes] = await Promise.all([
        client.get(`affmsg:upload-files:${member.member_id}`),
        client.get(`affmsg:upload-bytes:${member.member_id}`),
      ])
      return { files: Number(files), bytes: Number(bytes) }
    } finally {
      client.disconnect()
    }
  }
  const expectQuotaRefusal = (res: { status: number | string; data: any }, quota: RegExp) => {
    expect(res.status).toBe(429)
    expect(res.data.type).toBe("rate_limited")
    expect(res.data.message).toMatch(quota)
  }

  beforeAll(async () => {
    store = await ScaleStore.createWithOwnServices("quotas", { sink, redis }, {
      SCALE_REDIS_URL: redis.url,
      AFFILIATE_UPLOAD_QUOTAS: `${FILES_PER_HOUR},${BYTES_PER_DAY}`,
      // the per-minute route limit is not this suite's subject
      AFFILIATE_RATE_LIMIT_PER_MINUTE: "1000",
    })
    servers = await Promise.all([store.start("server"), store.start("server")])
    program = await store.connect(servers[0])
  }, 600_000)

  afterAll(async () => {
    await ScaleStore.stopWithOwnServices(store, { sink, redis })
  })

  it("counts a member's files and bytes on both servers as one quota; a refused upload stores nothing and gives its draw back", async () => {
    const ann = await program.activeTeam("Quota Co", "ann@quota.test")
    const mate = await program.inviteMember(ann.affiliate_id, "max@quota.test")

    // 10 files, alternating servers
    for (let i = 0; i < FILES_PER_HOUR; i++) {
      expect((await upload(ann, png(`f${i}.png`))).status).toBe(200)
    }
    const disk = filesOnDisk()
    for (const server of [servers[0].url, servers[1].url]) {
      const refused = await upload(ann, png("one-more.png"), server)
      expectQuotaRefusal(refused, /^Upload quota reached \(10 files an hour\): try again in \d+ seconds$/)
    }
    // the answer's Retry-After: the rest of the hour
    const early = await fetchUpload(`${next()}/store/affiliates/me/attachments`, ann.headers, { filename: "x.png", head: FIXTURES.png, size: MB })
    expect(Number(early.headers["retry-after"])).toBeGreaterThan(3500)
    expect(Number(early.headers["retry-after"])).toBeLessThanOrEqual(3600)
    expect(await stored(ann)).toEqual({ files: FILES_PER_HOUR, bytes: FILES_PER_HOUR * FIXTURES.png.length })
    expect(filesOnDisk()).toBe(disk)
    expect(await counted(ann)).toEqual({ files: FILES_PER_HOUR, bytes: FILES_PER_HOUR * FIXTURES.png.length })

    // bytes: 5 MB on one server, then 4 MB on the other does not fit (refused before its body is read), 2 MB does
    expect((await upload(mate, pdf(5 * MB), servers[0].url)).status).toBe(200)
    expectQuotaRefusal(await upload(mate, pdf(4 * MB), servers[1].url), /^Upload quota reached \(8\.0 MB a day\)/)
    expect((await upload(mate, pdf(2 * MB), servers[1].url)).status).toBe(200)
    expect(await stored(mate)).toEqual({ files: 2, bytes: 7 * MB })
    expect(await counted(mate)).toEqual({ files: 2, bytes: 7 * MB })
    // one upload larger than the whole day's quota can never fit: 413, not a 429 to retry in vain
    const oversize = await upload(mate, pdf(9 * MB), servers[0].url)
    expect(oversize.status).toBe(413)
    expect(oversize.data.message).toMatch(/larger than the daily upload quota \(8\.0 MB a day\)/)
    expect(await counted(mate)).toEqual({ files: 2, bytes: 7 * MB })
    console.log(
      `[reliability] upload quotas over two servers: 10 files/h then 429 (Retry-After ${early.headers["retry-after"]} s) on either server; ` +
        `8 MB/day: 5 MB + 2 MB stored, 4 MB refused in between; counters in Redis equal what is stored`
    )
  })

  it("never lets 20 parallel uploads of one member pass its quota, on both servers, with or without Content-Length", async () => {
    const team = await program.activeTeam("Burst Co", "bea@burst.test")
    const bytesMember = await program.inviteMember(team.affiliate_id, "ben@burst.test")
    const chunkedMember = await program.inviteMember(team.affiliate_id, "cid@burst.test")
    const started = Date.now()

    // files: 20 one-file requests at once → exactly the hour's 10 stored
    const files = await Promise.all(Array.from({ length: 20 }, (_, i) => upload(team, png(`p${i}.png`))))
    const filesStatuses = files.map((res) => res.status).sort()
    expect(filesStatuses).toEqual([...Array(FILES_PER_HOUR).fill(200), ...Array(20 - FILES_PER_HOUR).fill(429)])
    expect(await stored(team)).toEqual({ files: FILES_PER_HOUR, bytes: FILES_PER_HOUR * FIXTURES.png.length })

    // bytes, Content-Length known: 20 × 1 MB at once against 8 MB a day
    const withLength = await Promise.all(Array.from({ length: 20 }, () => upload(bytesMember, pdf(MB))))
    // bytes, chunked (no Content-Length): counted as they stream
    const chunked = await Promise.all(
      Array.from({ length: 20 }, () =>
        upload(chunkedMember, [{ filename: "doc.pdf", content: generatedFile(FIXTURES.pdf, MB) }])
      )
    )
    const figures: string[] = []
    for (const [member, results] of [[bytesMember, withLength], [chunkedMember, chunked]] as const) {
      expect(results.every((res) => res.status === 200 || res.status === 429)).toBe(true)
      const ok = results.filter((res) => res.status === 200).length
      const total = await stored(member)
      expect(total).toEqual({ files: ok, bytes: ok * MB })
      expect(total.bytes).toBeLessThanOrEqual(BYTES_PER_DAY)
      expect(ok).toBeGreaterThan(0)
      // what was reserved and not stored went back: the counters are what is stored
      expect(await counted(member)).toEqual(total)
      figures.push(`${ok} × 1 MB stored`)
    }
    console.log(
      `[reliability] 20 parallel uploads of one member over two servers (${((Date.now() - started) / 1000).toFixed(1)} s): ` +
        `files quota 10/h → 10 stored, 10 × 429; bytes quota 8 MB/day → with Content-Length ${figures[0]}, chunked ${figures[1]}; never over`
    )

    // over quota, a 300 MB body at full speed gets its 429 every time, on either server
    const statuses: (number | string)[] = []
    for (let i = 0; i < 20; i++) {
      const res = await fetchUpload(`${next()}/store/affiliates/me/attachments`, team.headers, {
        filename: "huge.pdf",
        head: FIXTURES.pdf,
        size: 300 * MB,
      })
      statuses.push(res.status)
    }
    expect(statuses).toEqual(Array(20).fill(429))
    expect(await stored(team)).toEqual({ files: FILES_PER_HOUR, bytes: FILES_PER_HOUR * FIXTURES.png.length })
  })
})
