import type { Attachment } from "../types/http/index.js"
import { AffiliateMessagingError, errorFromResponse, typeForStatus } from "./errors.js"
import type { Transport } from "./transport.js"

export type UploadOptions = {
  /** 0..1 for the whole request; browsers only (XMLHttpRequest). */
  onProgress?: (fraction: number) => void
  signal?: AbortSignal
}

const fileName = (file: Blob, index: number) =>
  "name" in file && typeof (file as File).name === "string" ? (file as File).name : `file-${index + 1}`

/** Multipart `files`, through XMLHttpRequest where it exists (progress), else fetch. */
export async function uploadFiles(
  transport: Transport,
  path: string,
  files: Blob[],
  { onProgress, signal }: UploadOptions
): Promise<{ attachments: Attachment[] }> {
  const form = new FormData()
  files.forEach((file, index) => form.append("files", file, fileName(file, index)))
  const url = `${transport.baseUrl}${path}`
  const headers = await transport.headers()

  if (typeof XMLHttpRequest === "undefined") {
    const response = await transport.fetch(url, { method: "POST", headers, body: form, signal })
    if (!response.ok) {
      throw await errorFromResponse(response)
    }
    onProgress?.(1)
    return response.json()
  }

  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open("POST", url)
    Object.entries(headers).forEach(([name, value]) => xhr.setRequestHeader(name, value))
    xhr.responseType = "json"
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) {
        onProgress?.(event.loaded / event.total)
      }
    }
    xhr.onload = () => {
      const body = xhr.response as { attachments?: Attachment[]; type?: string; message?: string } | null
      if (xhr.status >= 200 && xhr.status < 300 && body?.attachments) {
        resolve({ attachments: body.attachments })
      } else {
        reject(
          new AffiliateMessagingError(
            xhr.status,
            body?.type ?? typeForStatus(xhr.status),
            body?.message ?? `Upload failed (${xhr.status})`
          )
        )
      }
    }
    xhr.onerror = () => reject(new AffiliateMessagingError(0, "network_error", "Upload failed: the server could not be reached"))
    xhr.onabort = () => reject(new DOMException("Upload cancelled", "AbortError"))
    signal?.addEventListener("abort", () => xhr.abort())
    xhr.send(form)
  })
}
