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
  return new Promise((resolve, reject) => {
    const req = http.request(url, {
      method: "POST",
      headers: { ...headers, "content-type": `multipart/form-data; boundary=${boundary}` },
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
          await write(
            `--${boundary}\r\nContent-Disposition: form-data; name="${part.field ?? "files"}"; filename="${part.filename.replace(/"/g, "%22").replace(/\r|\n/g, " ")}"\r\nContent-Type: ${part.contentType ?? "application/octet-stream"}\r\n\r\n`
          )
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
          req.end(`--${boundary}--\r\n`)
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
