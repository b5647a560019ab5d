"use client"
import { useEffect, useState } from "react"
import type { AffiliateMessagingClient } from "../../client/index.js"
import type { Attachment } from "../../types/http/index.js"
import { isAbort, toError } from "../internal/effects.js"

/**
 * An object URL for an attachment, downloaded with the member's token (the
 * download route needs it, so `<img src={attachment.url}>` cannot work).
 * Revoked when the component unmounts.
 */
export function useAttachmentUrl(
  client: AffiliateMessagingClient,
  attachment: Pick<Attachment, "id" | "url"> | null | undefined
): { url: string | null; error: Error | null; loading: boolean } {
  const [state, setState] = useState<{ id: string | null; url: string | null; error: Error | null }>({
    id: null,
    url: null,
    error: null,
  })
  const id = attachment?.id ?? null
  const path = attachment?.url

  useEffect(() => {
    if (!id || !path || typeof URL === "undefined" || !URL.createObjectURL) {
      return
    }
    const controller = new AbortController()
    let url: string | null = null
    client.attachments
      .download({ url: path }, { signal: controller.signal })
      .then((blob) => {
        url = URL.createObjectURL(blob)
        setState({ id, url, error: null })
      })
      .catch((error) => {
        if (!isAbort(error)) {
          setState({ id, url: null, error: toError(error) })
        }
      })
    return () => {
      controller.abort()
      if (url) {
        URL.revokeObjectURL(url)
      }
    }
  }, [client, id, path])

  const current = state.id === id
  return {
    url: current ? state.url : null,
    error: current ? state.error : null,
    loading: Boolean(id) && (!current || (!state.url && !state.error)),
  }
}

/**
 * Downloads an attachment with the member's token and hands it to the browser
 * as a file named after the original.
 */
export async function saveAttachment(
  client: AffiliateMessagingClient,
  attachment: Pick<Attachment, "url" | "filename">
): Promise<void> {
  const blob = await client.attachments.download(attachment)
  const url = URL.createObjectURL(blob)
  const link = document.createElement("a")
  link.href = url
  link.download = attachment.filename
  link.rel = "noopener"
  link.style.display = "none"
  document.body.appendChild(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}
