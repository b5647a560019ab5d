import type { UploadOne } from "medusa-plugin-affiliate-messaging-storefront/react"
import type { Attachment } from "../../types/http"
import { backendHref } from "./sdk"

/**
 * One file to `POST /admin/messaging/attachments`. XMLHttpRequest rather than
 * the js-sdk's fetch: only XHR reports upload progress.
 */
export const uploadAttachment: UploadOne = (file, { onProgress, signal }) => {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest()
    request.open("POST", backendHref("/admin/messaging/attachments"))
    request.withCredentials = true
    const token = bearerToken()
    if (token) {
      request.setRequestHeader("Authorization", `Bearer ${token}`)
    }
    request.responseType = "json"
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) {
        onProgress(event.loaded / event.total)
      }
    }
    request.onload = () => {
      const body = request.response as { attachments?: Attachment[]; message?: string } | null
      if (request.status >= 200 && request.status < 300 && body?.attachments?.[0]) {
        resolve(body.attachments[0])
      } else {
        reject(new Error(body?.message || `Upload failed (${request.status})`))
      }
    }
    request.onerror = () => reject(new Error("Upload failed: the server could not be reached"))
    signal?.addEventListener("abort", () => request.abort())
    request.onabort = () => reject(new DOMException("Upload cancelled", "AbortError"))

    const form = new FormData()
    form.append("files", file, file.name)
    request.send(form)
  })
}

/** With the dashboard in JWT mode the token sits where the js-sdk keeps it. */
function bearerToken(): string | null {
  if (__AUTH_TYPE__ !== "jwt") {
    return null
  }
  return window.localStorage.getItem(__JWT_TOKEN_STORAGE_KEY__ || "medusa_auth_token")
}
