import http from "http"

export type UploadPart = {
  filename: string
  contentType?: string
  /** The bytes, or chunks produced on demand so a huge file never exists in memory. */
  content: Buffer | (() => AsyncIterable<Buffer>)
  field?: string
}

/**
 * POSTs multipart/form-data with Node's http client, streaming each part:
 * the only way to send a 250 MB body without holding it. Reports the status
 * even when the server answers early and closes the connection.
 */
export function uploadMultipart(
  url: string,
  headers: Record<string, string>,
  parts: UploadPart[]
): Promise<{ status: number; data: any }> {
  const boundary = `----affmsg${Date.now().toString(16)}`
  const partHead = (part: UploadPart) =>
    `--${boundary}\r\nContent-Disposition: form-data; name="${part.field ?? "files"}"; filename="${part.filename.replace(/"/g, "%22").replace(/\r|\n/g, " ")}"\r\nContent-Type: ${part.contentType ?? "application/octet-stream"}\r\n\r\n`
  const closing = `--${boundary}--\r\n`
  // parts in memory are sent with Content-Length, as browsers send a FormData; generated ones chunked
  const length = parts.every((part) => Buffer.isBuffer(part.content))
    ? parts.reduce((sum, part) => sum + Buffer.byteLength(partHead(part)) + (part.content as Buffer).length + 2, Buffer.byteLength(closing))
    : undefined
  return new Promise((resolve, reject) => {
    const req = http.request(url, {
      method: "POST",
      headers: {
        ...headers,
        "content-type": `multipart/form-data; boundary=${boundary}`,
        ...(length === undefined ? {} : { "content-length": String(length) }),
      },
    })
    let answered = false
    req.on("response", (res) => {
      answered = true
      let body = ""
      res.on("data", (chunk) => (body += chunk))
      res.on("end", () => {
        let data: any = body
        try {
          data = JSON.parse(body)
        } catch {}
        resolve({ status: res.statusCode ?? 0, data })
      })
    })
    req.on("error", (error) => {
      if (!answered) reject(error)
    })
    const write = (chunk: Buffer | string) =>
      new Promise<void>((done) => (req.write(chunk) ? done() : req.once("drain", done)))
    void (async () => {
      try {
        for (const part of parts) {
          if (answered || req.destroyed) break
          await write(partHead(part))
          if (Buffer.isBuffer(part.content)) {
            await write(part.content)
          } else {
            for await (const chunk of part.content()) {
              if (answered || req.destroyed) break
              await write(chunk)
            }
          }
          await write("\r\n")
        }
        if (!answered && !req.destroyed) {
          req.end(closing)
        }
      } catch {
        // the server closed the connection after answering
      }
    })()
  })
}

/** `size` bytes starting with `head`, produced 1 MB at a time. */
export function generatedFile(head: Buffer, size: number) {
  return async function* () {
    yield head
    const chunk = Buffer.alloc(1024 * 1024, 0x20)
    let left = size - head.length
    while (left > 0) {
      const piece = left >= chunk.length ? chunk : chunk.subarray(0, left)
      left -= piece.length
      yield piece
    }
  }
}

/**
 * POSTs one file of `size` bytes (`head`, then spaces) with Node's fetch
 * (undici), as fast as the connection takes it, from a generated stream:
 * nothing of it exists in memory or on disk. Answers the status and body,
 * or the client's error code when the connection failed under it (a reset
 * instead of the answer), its headers, and how many bytes fetch pulled
 * from the body.
 */
export async function fetchUpload(
  url: string,
  headers: Record<string, string>,
  file: { filename: string; head: Buffer; size: number }
): Promise<{ status: number | string; data: any; headers: Record<string, string>; sent: number }> {
  const boundary = `----affmsg${Date.now().toString(16)}`
  const pieces = generatedFile(file.head, file.size)()
  const opening = `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${file.filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`
  let sent = 0
  const chunks = (async function* () {
    yield Buffer.from(opening)
    yield* generatedFile(file.head, file.size)()
    yield Buffer.from(`\r\n--${boundary}--\r\n`)
  })()
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next()
      if (next.done) {
        return controller.close()
      }
      sent += next.value.length
      controller.enqueue(next.value)
    },
  })
  try {
    const res = await fetch(url, {
      method: "POST",
      headers: { ...headers, "content-type": `multipart/form-data; boundary=${boundary}` },
      body,
      duplex: "half",
    } as RequestInit)
    const text = await res.text()
    let data: any = text
    try {
      data = JSON.parse(text)
    } catch {}
    return { status: res.status, data, headers: Object.fromEntries(res.headers), sent }
  } catch (error: any) {
    return { status: error.cause?.code ?? error.message, data: null, headers: {}, sent }
  }
}
