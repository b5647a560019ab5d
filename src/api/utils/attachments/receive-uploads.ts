import type { MedusaRequest } from "@medusajs/framework/http"
import type { IFileModuleService } from "@medusajs/framework/types"
import busboy from "busboy"
import { randomUUID } from "crypto"
import { once } from "events"
import type { Readable } from "stream"
import { MAX_ATTACHMENTS_PER_MESSAGE } from "../../../types/messaging"
import {
  MAX_ATTACHMENT_SIZE,
  MB,
  SNIFF_BYTES,
  cleanFilename,
  detectAttachmentType,
  filenameForType,
} from "../../../utils/attachment-types"
import type { UploadQuota } from "./upload-quota"
import { UploadError } from "./upload-refusal"

export type ReceivedUpload = { file_id: string; filename: string; mime_type: string; size: number }


/**
 * Streams the `files` of a multipart request into the File Module, one
 * chunk at a time: the type is sniffed from the first bytes, the size is
 * counted as bytes pass and the upload stops the moment a limit is crossed.
 * Nothing is ever held whole in memory. Each file and byte is drawn from
 * the uploader's `quota` (when it has one) before it is stored. On any
 * refusal every file already stored by this request is deleted again.
 */
export function receiveUploads(
  req: MedusaRequest,
  files: IFileModuleService,
  quota: UploadQuota | null
): Promise<ReceivedUpload[]> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy
    try {
      parser = busboy({
        headers: req.headers,
        // RFC 7578 filenames are UTF-8; busboy's default (latin1) turns "Résumé" into "RÃ©sumÃ©"
        defParamCharset: "utf8",
        limits: {
          files: MAX_ATTACHMENTS_PER_MESSAGE + 1,
          fields: 0,
          fileSize: MAX_ATTACHMENT_SIZE + 1,
        },
      })
    } catch {
      return reject(new UploadError(400, "Send the files as multipart/form-data in the field \"files\""))
    }
    const stored: (ReceivedUpload & { index: number })[] = []
    const storing: Promise<unknown>[] = []
    let failure: UploadError | null = null
    let count = 0

    const fail = (error: unknown) => {
      if (failure) {
        return
      }
      failure = error instanceof UploadError ? error : new UploadError(400, (error as Error).message)
      req.unpipe(parser)
      void Promise.allSettled(storing).then(async () => {
        await deleteStored(files, stored)
        reject(failure)
      })
    }

    parser.on("file", (field, stream, info) => {
      if (failure) {
        stream.resume()
        return
      }
      if (field !== "files") {
        stream.resume()
        return fail(new UploadError(400, `Unexpected file field "${field}": send files in the field "files"`))
      }
      const index = count
      count += 1
      if (count > MAX_ATTACHMENTS_PER_MESSAGE) {
        stream.resume()
        return fail(new UploadError(400, `At most ${MAX_ATTACHMENTS_PER_MESSAGE} files per request`))
      }
      // the first file was counted before the body was read
      const counted = index > 0 && quota ? quota.countFile() : Promise.resolve()
      storing.push(
        counted
          .then(() => storeUpload(files, stream, info.filename ?? "attachment", quota))
          .then((upload) => stored.push({ ...upload, index }), fail)
      )
    })
    parser.on("field", (name) => fail(new UploadError(400, `Unexpected field "${name}": only files are accepted`)))
    parser.on("filesLimit", () =>
      fail(new UploadError(400, `At most ${MAX_ATTACHMENTS_PER_MESSAGE} files per request`))
    )
    parser.on("error", (error: Error) => fail(new UploadError(400, `Malformed multipart body: ${error.message}`)))
    parser.on("close", () => {
      void Promise.allSettled(storing).then(() => {
        if (failure) {
          return
        }
        if (!stored.length) {
          return reject(new UploadError(400, "No file received: send files in the field \"files\""))
        }
        // in the order the client sent them
        resolve(stored.sort((a, b) => a.index - b.index).map(({ index, ...upload }) => upload))
      })
    })
    req.pipe(parser)
  })
}

/**
 * Streams one file into the File Module under the upload rules (sniffed
 * type, its size limit, a filename with one of its extensions), or throws
 * an UploadError saying why not. Used by uploads and by replies by email.
 */
export async function storeUpload(
  files: IFileModuleService,
  stream: Readable,
  rawName: string,
  quota: UploadQuota | null
): Promise<ReceivedUpload> {
  const cleaned = cleanFilename(rawName)
  const chunks = stream[Symbol.asyncIterator]()
  const head: Buffer[] = []
  let headSize = 0
  let ended = false
  while (headSize < SNIFF_BYTES) {
    const next = await chunks.next()
    if (next.done) {
      ended = true
      break
    }
    head.push(next.value)
    headSize += next.value.length
  }
  const sample = Buffer.concat(head)
  const type = await detectAttachmentType(sample.subarray(0, SNIFF_BYTES), cleaned)
  if (!type) {
    stream.resume()
    throw new UploadError(
      415,
      `${cleaned}: file type not allowed; send JPEG, PNG or GIF images, PDF or office documents, plain text or CSV`
    )
  }
  const named = filenameForType(cleaned, type)
  if ("refusal" in named) {
    stream.resume()
    throw new UploadError(415, named.refusal)
  }
  const { filename } = named
  const tooLarge = () =>
    new UploadError(413, `${filename}: larger than ${type.limit / MB} MB, the limit for ${type.mime}`)
  if (sample.length > type.limit) {
    throw tooLarge()
  }

  // the stored key names what it is, never the sender's file name (which
  // stays in the attachment row); keys stored before this name stay valid
  const upload = await files.getUploadStream({
    filename: `affiliate-attachment-${randomUUID()}`,
    mimeType: type.mime,
    access: "private",
  } as any)
  let size = 0
  const write = async (chunk: Buffer) => {
    size += chunk.length
    if (size > type.limit) {
      throw tooLarge()
    }
    await quota?.take(chunk.length)
    if (!upload.writeStream.write(chunk)) {
      await once(upload.writeStream, "drain")
    }
  }
  try {
    await write(sample)
    if (!ended) {
      for (let next = await chunks.next(); !next.done; next = await chunks.next()) {
        await write(next.value)
      }
    }
    upload.writeStream.end()
    await upload.promise
  } catch (error) {
    stream.resume()
    upload.writeStream.destroy()
    await files.deleteFiles(upload.fileKey).catch(() => undefined)
    throw error
  }
  return { file_id: upload.fileKey, filename, mime_type: type.mime, size }
}

async function deleteStored(files: IFileModuleService, stored: ReceivedUpload[]) {
  await Promise.all(stored.map((upload) => files.deleteFiles(upload.file_id).catch(() => undefined)))
}
