import { useCallback, useEffect, useRef, useState } from "react"
import type { Attachment } from "../../types/http"
import { MAX_ATTACHMENTS_PER_MESSAGE } from "../../types/messaging"
import { checkAttachmentFile } from "../../utils/attachment-limits"
import { uploadAttachment } from "../lib/upload-attachment"

export type PendingUpload = {
  key: string
  file: File
  progress: number
  attachment?: Attachment
  error?: string
}

/**
 * Files picked or dropped into a composer, each uploaded at once with its own
 * progress and error, so sending only waits for what is still in flight.
 */
export function useAttachmentUploads() {
  const [uploads, setUploads] = useState<PendingUpload[]>([])
  const [notice, setNotice] = useState<string | null>(null)
  const controllers = useRef(new Map<string, AbortController>())

  useEffect(() => () => controllers.current.forEach((controller) => controller.abort()), [])

  const patch = (key: string, change: Partial<PendingUpload>) =>
    setUploads((current) => current.map((u) => (u.key === key ? { ...u, ...change } : u)))

  const add = useCallback(
    (files: File[]) => {
      const room = MAX_ATTACHMENTS_PER_MESSAGE - uploads.filter((u) => !u.error).length
      setNotice(
        files.length > room
          ? `A message can carry at most ${MAX_ATTACHMENTS_PER_MESSAGE} attachments; ${files.length - room} file(s) were not added.`
          : null
      )
      const added = files.slice(0, Math.max(room, 0)).map((file) => ({
        key: `${file.name}-${file.size}-${Math.random().toString(36).slice(2)}`,
        file,
        progress: 0,
        error: checkAttachmentFile(file) ?? undefined,
      }))
      setUploads((current) => [...current, ...added])
      for (const upload of added.filter((u) => !u.error)) {
        const controller = new AbortController()
        controllers.current.set(upload.key, controller)
        uploadAttachment(upload.file, (progress) => patch(upload.key, { progress }), controller.signal)
          .then((attachment) => patch(upload.key, { attachment, progress: 1 }))
          .catch((error: Error) => {
            if (error.name !== "AbortError") {
              patch(upload.key, { error: error.message })
            }
          })
          .finally(() => controllers.current.delete(upload.key))
      }
    },
    [uploads]
  )

  const remove = useCallback((key: string) => {
    controllers.current.get(key)?.abort()
    setUploads((current) => current.filter((u) => u.key !== key))
  }, [])

  const clear = useCallback(() => {
    setUploads([])
    setNotice(null)
  }, [])

  return {
    uploads,
    notice,
    add,
    remove,
    clear,
    attachmentIds: uploads.flatMap((u) => (u.attachment ? [u.attachment.id] : [])),
    isUploading: uploads.some((u) => !u.attachment && !u.error),
    hasErrors: uploads.some((u) => u.error),
  }
}
