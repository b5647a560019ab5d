import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { Transform } from "stream"
import { pipeline } from "stream/promises"
import type { MessageAttachmentDTO } from "../../../types/messaging"
import { messagingService, retrieveVisibleConversation } from "../conversation-views"
import type { ViewerSide } from "../message-views"
import { rangeReaderOf } from "../medusa-seams/file-range"

export type Downloader = { side: ViewerSide; id: string; member?: { id: string; affiliate_id: string } }

/**
 * The attachment if the caller may read it: sent in a conversation it can
 * see, or its own upload not sent yet. Anything else is 404.
 */
async function retrieveReadableAttachment(
  req: MedusaRequest,
  downloader: Downloader
): Promise<MessageAttachmentDTO> {
  const service = messagingService(req.scope)
  const notFound = new MedusaError(MedusaError.Types.NOT_FOUND, `Attachment ${req.params.id} was not found`)
  const [attachment] = await service.listMessageAttachments({ id: req.params.id })
  if (!attachment) {
    throw notFound
  }
  if (!attachment.message_id) {
    if (attachment.uploader_type !== downloader.side || attachment.uploader_id !== downloader.id) {
      throw notFound
    }
    return attachment
  }
  const [message] = await service.listMessages({ id: attachment.message_id })
  await retrieveVisibleConversation(req.scope, message.conversation_id, downloader.member).catch(() => {
    throw notFound
  })
  return attachment
}

/**
 * `attachment` with the name in `filename*` (RFC 6266/8187, UTF-8) whenever
 * it is not plain ASCII, and an ASCII stand-in in `filename` for old
 * clients. Express's `res.attachment` sends a Latin-1 name ("Größe.pdf")
 * as raw Latin-1 bytes in `filename` alone, which clients that read header
 * bytes as UTF-8 show garbled.
 */
function contentDisposition(filename: string) {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\%]/g, "_")
  if (ascii === filename) {
    return `attachment; filename="${filename}"`
  }
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`
}

/** `bytes=a-b`, `bytes=a-` or `bytes=-n` within `size`; null when absent or not satisfiable. */
function parseRange(header: string | undefined, size: number): { start: number; end: number } | null {
  const match = header?.match(/^bytes=(\d*)-(\d*)$/)
  if (!match || (!match[1] && !match[2])) {
    return null
  }
  const start = match[1] ? Number(match[1]) : Math.max(size - Number(match[2]), 0)
  const end = match[1] && match[2] ? Math.min(Number(match[2]), size - 1) : size - 1
  return start <= end && start < size ? { start, end } : null
}

/** Passes on bytes `start`..`end` of a whole-file stream: for providers that cannot seek. */
function byteWindow(start: number, end: number) {
  let position = 0
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      const from = Math.max(start - position, 0)
      const to = Math.min(end + 1 - position, chunk.length)
      position += chunk.length
      callback(null, from < to ? chunk.subarray(from, to) : undefined)
    },
  })
}

/**
 * GET …/attachments/:id on either side: streamed from the File Module with
 * the sniffed type, `Content-Disposition: attachment` (the name RFC 5987
 * encoded), `nosniff`, `Content-Length` and single-range support. A range
 * is read from the provider alone when it can seek (local and S3:
 * `rangeReaderOf`), else cut from the whole stream.
 */
export const downloadRoute =
  (downloaderOf: (req: MedusaRequest) => Downloader) => async (req: MedusaRequest, res: MedusaResponse) => {
    const attachment = await retrieveReadableAttachment(req, downloaderOf(req))
    const size = Number(attachment.size)
    const files = req.scope.resolve(Modules.FILE)
    res.setHeader("Content-Disposition", contentDisposition(attachment.filename))
    res.setHeader("Content-Type", attachment.mime_type)
    res.setHeader("X-Content-Type-Options", "nosniff")
    res.setHeader("Cache-Control", "private, no-store")
    res.setHeader("Accept-Ranges", "bytes")
    const range = req.headers.range ? parseRange(req.headers.range, size) : null
    if (req.headers.range && !range) {
      res.setHeader("Content-Range", `bytes */${size}`)
      res.status(416).end()
      return
    }
    if (range) {
      const readRange = rangeReaderOf(files)
      const source = readRange
        ? [await readRange(attachment.file_id, range)]
        : [await files.getDownloadStream(attachment.file_id), byteWindow(range.start, range.end)]
      res.status(206)
      res.setHeader("Content-Range", `bytes ${range.start}-${range.end}/${size}`)
      res.setHeader("Content-Length", String(range.end - range.start + 1))
      await pipeline([...source, res])
      return
    }
    res.setHeader("Content-Length", String(size))
    await pipeline(await files.getDownloadStream(attachment.file_id), res)
  }
