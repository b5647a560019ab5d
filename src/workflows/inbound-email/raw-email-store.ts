import type { IFileModuleService, MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createHash, randomUUID } from "crypto"
import { once } from "events"
import { Readable } from "stream"

/** The header block is read up to this size; longer header blocks are cut (no legitimate reply has one). */
const MAX_HEADER_BYTES = 256 * 1024

export type StoredRaw = {
  file_id: string | null
  size: number
  sha256: string
  /** The header block (up to the first blank line), for the Message-ID and addresses. */
  head: Buffer
  too_large: boolean
}

/**
 * Streams a raw email into the File Module (private), counting bytes and
 * hashing as they pass; only the header block is kept in memory. Past
 * `maxBytes` the copy is deleted and the rest of the input drained, and
 * `too_large` says so.
 */
export async function storeRawEmail(
  container: MedusaContainer,
  raw: Buffer | Readable,
  maxBytes: number
): Promise<StoredRaw> {
  const files = container.resolve<IFileModuleService>(Modules.FILE)
  const input = Buffer.isBuffer(raw) ? Readable.from([raw]) : raw
  const hash = createHash("sha256")
  const head: Buffer[] = []
  let headSize = 0
  let headDone = false
  let size = 0
  const upload = await files.getUploadStream({
    filename: `inbound-${randomUUID()}.eml`,
    mimeType: "message/rfc822",
    access: "private",
  } as any)
  try {
    for await (const chunk of input) {
      const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk)
      size += bytes.length
      if (size > maxBytes) {
        throw new TooLarge()
      }
      hash.update(bytes)
      if (!headDone) {
        head.push(bytes)
        headSize += bytes.length
        headDone = headSize >= MAX_HEADER_BYTES || headerEnd(Buffer.concat(head)) >= 0
      }
      if (!upload.writeStream.write(bytes)) {
        await once(upload.writeStream, "drain")
      }
    }
    upload.writeStream.end()
    await upload.promise
  } catch (error) {
    upload.writeStream.destroy()
    await files.deleteFiles(upload.fileKey).catch(() => undefined)
    // transports that cap bytes themselves (SMTP receiver, webhook) fail the stream with EMAIL_TOO_LARGE
    if (error instanceof TooLarge || (error as { code?: string })?.code === EMAIL_TOO_LARGE) {
      return { file_id: null, size, sha256: "", head: headerBlock(Buffer.concat(head)), too_large: true }
    }
    throw error
  }
  return {
    file_id: upload.fileKey,
    size,
    sha256: hash.digest("hex"),
    head: headerBlock(Buffer.concat(head)),
    too_large: false,
  }
}

/** The stored raw email as a stream. */
export async function readRawEmail(container: MedusaContainer, fileId: string): Promise<Readable> {
  const files = container.resolve<IFileModuleService>(Modules.FILE)
  return (await files.getDownloadStream(fileId)) as Readable
}

export async function deleteRawEmail(container: MedusaContainer, fileId: string | null) {
  if (fileId) {
    await container.resolve<IFileModuleService>(Modules.FILE).deleteFiles(fileId).catch(() => undefined)
  }
}

class TooLarge extends Error {}

export const EMAIL_TOO_LARGE = "EMAIL_TOO_LARGE"

function headerEnd(bytes: Buffer): number {
  const crlf = bytes.indexOf("\r\n\r\n")
  const lf = bytes.indexOf("\n\n")
  return crlf >= 0 && (lf < 0 || crlf < lf) ? crlf : lf
}

function headerBlock(bytes: Buffer): Buffer {
  const end = headerEnd(bytes)
  return bytes.subarray(0, end >= 0 ? end : Math.min(bytes.length, MAX_HEADER_BYTES))
}
