import type { IFileModuleService } from "@medusajs/framework/types"
import { once } from "events"
import type { AttachmentStream, HeaderLines, Headers, MessageText } from "mailparser"
import type { Readable } from "stream"
import { UploadError } from "../../api/utils/attachments/upload-refusal"
import { ReceivedUpload, storeUpload } from "../../api/utils/attachments/receive-uploads"
import { MAX_ATTACHMENTS_PER_MESSAGE } from "../../types/messaging"
import { cleanFilename } from "../../utils/attachment-types"
import { HeaderSummary, summarizeHeaders } from "./email-headers"
import { mailparser } from "./mail-parser"

export type ReplyHead = { headers: Headers; lines: HeaderLines; summary: HeaderSummary }

export type ReplyContent = {
  text: string | null
  html: string | null
  /** Files stored in the File Module under the upload rules. */
  stored: ReceivedUpload[]
  /** One line per file left out, saying which and why. */
  left_out: string[]
}

export type OpenedReply = {
  head: ReplyHead
  /** Reads the rest; attachments are stored (streamed, one at a time) only when `files` is given. */
  readContent(files: IFileModuleService | null): Promise<ReplyContent>
  /** Stops reading: the email is refused, its body is not needed. */
  close(): void
}

/**
 * Parses a raw email as a stream (mailparser): the headers first, so the
 * caller can decide whether the email deserves its body at all, then the
 * text and the attachments, each attachment streamed into the File Module
 * as it is decoded, never held whole.
 */
export async function openReply(raw: Readable): Promise<OpenedReply> {
  // the trimmer reads an HTML-only reply from its HTML (quote containers), not from mailparser's conversion
  const parser = new (mailparser().MailParser)({ skipHtmlToText: true, skipTextToHtml: true, skipTextLinks: true, skipImageLinks: true })
  const failed = new Promise<never>((_, reject) => {
    raw.once("error", reject)
    parser.once("error", reject)
  })
  failed.catch(() => undefined)
  const headersRead = once(parser, "headers") as Promise<[Headers]>
  raw.pipe(parser)
  const [headers] = await Promise.race([headersRead, failed])
  const lines = (parser.headerLines || []) as HeaderLines
  const summary = summarizeHeaders({
    messageId: headers.get("message-id") as string | undefined,
    from: headers.get("from") as any,
    to: headers.get("to") as any,
    cc: headers.get("cc") as any,
    headers,
  })
  const close = () => {
    raw.unpipe(parser)
    raw.destroy()
    parser.destroy()
  }
  const readContent = async (files: IFileModuleService | null): Promise<ReplyContent> => {
    const content: ReplyContent = { text: null, html: null, stored: [], left_out: [] }
    const reading = (async () => {
      for await (const part of parser as AsyncIterable<AttachmentStream | MessageText>) {
        if (part.type === "text") {
          content.text = part.text ?? null
          content.html = typeof part.html === "string" ? part.html : null
          continue
        }
        await takeAttachment(part, files, content)
      }
    })()
    await Promise.race([reading, failed])
    return content
  }
  return { head: { headers, lines, summary }, readContent, close }
}

async function takeAttachment(part: AttachmentStream, files: IFileModuleService | null, content: ReplyContent) {
  try {
    // images embedded in the HTML (signature logos, inline pictures) belong to the quoted layout, not the reply
    if (part.related || !files) {
      return await drain(part.content)
    }
    const name = cleanFilename(part.filename || "attachment")
    if (content.stored.length >= MAX_ATTACHMENTS_PER_MESSAGE) {
      await drain(part.content)
      content.left_out.push(`${name}: at most ${MAX_ATTACHMENTS_PER_MESSAGE} files per message`)
      return
    }
    try {
      content.stored.push(await storeUpload(files, part.content, name, null))
    } catch (error) {
      if (!(error instanceof UploadError)) {
        throw error
      }
      await drain(part.content)
      content.left_out.push(error.message.startsWith(name) ? error.message : `${name}: ${error.message}`)
    }
  } finally {
    part.release?.()
  }
}

async function drain(stream: Readable) {
  if (!stream.readableEnded) {
    const ended = once(stream, "end")
    stream.resume()
    await ended
  }
}
