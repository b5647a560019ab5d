import { LocalFileService } from "@medusajs/file-local"
import S3Provider from "@medusajs/file-s3"
import fs from "fs"
import http from "http"
import os from "os"
import path from "path"
import { Readable } from "stream"
import { providerRangeReader, rangeReaderOf } from "../file-range"

/** Bytes this process has read through read(2) and friends: files, sockets, pipes. */
const bytesRead = () => Number(/rchar: (\d+)/.exec(fs.readFileSync("/proc/self/io", "utf8"))![1])

const collect = async (stream: Readable) => {
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(Buffer.from(chunk))
  return Buffer.concat(chunks)
}

// the class Medusa registers for the S3 provider (the package exports only the module provider)
const S3FileService = (S3Provider as any).services[0]
const logger = { info() {}, warn() {}, error() {}, debug() {} } as any
const MB = 1024 * 1024

// the local test writes a 64 MB file and reads it whole once: over jest's
// default 5 s beside a background npm install in CI (2026-12-06)
jest.setTimeout(60_000)

describe("file-range: reading part of a stored file from Medusa 2.21's providers", () => {
  let dir: string
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "affmsg-range-"))
  })
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

  it("local: seeks in the file the provider resolves the key to, reading only the range from disk", async () => {
    const provider = new LocalFileService({}, { upload_dir: path.join(dir, "static"), private_upload_dir: path.join(dir, "private") })
    const upload = await provider.getUploadStream({ filename: "big.bin", mimeType: "application/pdf", access: "private" } as any)
    const block = Buffer.alloc(MB, 0x61)
    block.write("%PDF-1.4", 0)
    for (let i = 0; i < 64; i++) {
      if (!upload.writeStream.write(i === 63 ? Buffer.concat([block.subarray(0, MB - 3), Buffer.from("END")]) : block)) {
        await new Promise((resolve) => upload.writeStream.once("drain", resolve))
      }
    }
    upload.writeStream.end()
    await upload.promise
    // the shape relied on: Medusa's key for private files and the provider's identifier
    expect(upload.fileKey).toMatch(/^private-/)
    expect((LocalFileService as any).identifier).toBe("localfs")

    const read = providerRangeReader(provider)
    expect(read).not.toBeNull()
    let before = bytesRead()
    expect((await collect(await read!(upload.fileKey, { start: 0, end: 0 }))).toString()).toBe("%")
    const headerOnly = bytesRead() - before
    expect((await collect(await read!(upload.fileKey, { start: 64 * MB - 3, end: 64 * MB - 1 }))).toString()).toBe("END")

    // the File Module's own stream reads the file whole: what a range read cost before
    before = bytesRead()
    await collect(await provider.getDownloadStream({ fileKey: upload.fileKey }))
    const whole = bytesRead() - before
    console.log(`[file-range] local bytes=0-0 of a 64 MB file read ${headerOnly} bytes; the whole stream ${(whole / MB).toFixed(1)} MB`)
    expect(whole).toBeGreaterThanOrEqual(64 * MB)
    expect(headerOnly).toBeLessThan(64 * 1024)
  })

  it("S3: asks for the range with GetObjectCommand (a local HTTP server stands in for S3 and records it)", async () => {
    const seen: { method?: string; url?: string; range?: string }[] = []
    const server = http.createServer((req, res) => {
      seen.push({ method: req.method, url: req.url, range: req.headers.range })
      res.writeHead(206, { "content-type": "application/pdf", "content-range": "bytes 0-0/1000", "content-length": "1" })
      res.end("%")
    })
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
    try {
      const provider = new S3FileService({ logger }, {
        bucket: "attachments",
        region: "us-east-1",
        access_key_id: "test",
        secret_access_key: "test",
        endpoint: `http://127.0.0.1:${(server.address() as any).port}`,
        additional_client_config: { forcePathStyle: true },
        file_url: "http://files.test",
      } as any)
      expect((S3FileService as any).identifier).toBe("s3")
      const read = providerRangeReader(provider)
      expect(read).not.toBeNull()
      const body = await collect(await read!("matt-1.pdf", { start: 0, end: 0 }))
      expect(body.toString()).toBe("%")
      expect(seen).toEqual([{ method: "GET", url: expect.stringMatching(/^\/attachments\/matt-1\.pdf/), range: "bytes=0-0" }])
    } finally {
      server.close()
    }
  })

  it("finds the provider behind the File Module's public getProvider(), as Medusa's loader wires them", async () => {
    // Medusa's file module registers one provider under "fs_<id>" and hands
    // the module its provider service: the same wiring, with the real classes
    const { FileModuleService, FileProviderService } = require("@medusajs/file/dist/services")
    const provider = new LocalFileService({}, { upload_dir: path.join(dir, "static"), private_upload_dir: path.join(dir, "private") })
    const files = new FileModuleService({ fileProviderService: new FileProviderService({ fs_local: provider }) })
    const [stored] = await files.createFiles([{ filename: "note.txt", mimeType: "text/plain", content: Buffer.from("hello range").toString("base64"), access: "private" }])
    const read = rangeReaderOf(files)
    expect(read).not.toBeNull()
    expect((await collect(await read!(stored.id, { start: 6, end: 10 }))).toString()).toBe("range")
  })

  it("falls back (null) for a provider whose shape it does not know", () => {
    expect(providerRangeReader({ getDownloadStream: async () => Readable.from([]) })).toBeNull()
    expect(providerRangeReader(undefined)).toBeNull()
  })
})
