"use client"
import { useCallback, useEffect, useRef, useState } from "react"
import type { AffiliateMessagingClient } from "../../client/index.js"
import type { UploadOptions } from "../../client/upload.js"
import type { Attachment } from "../../types/http/index.js"
import { MAX_ATTACHMENTS_PER_MESSAGE } from "../../types/messaging.js"
import { checkAttachmentFile } from "../../shared/attachment-limits.js"
import { isAbort, toError } from "../internal/effects.js"

export type PendingUpload = {
  /** Stable key for lists. */
  key: string
  file: File
  /** 0..1 */
  progress: number
  /** Set once uploaded: its id goes into `attachment_ids`. */
  attachment?: Attachment
  /** Why this file cannot be sent (type, size, or the server's answer). */
  error?: string
}

export type AttachmentUploadsState = {
  uploads: PendingUpload[]
  /** A note about files that were not added (more than 10). */
  notice: string | null
  /** Checks and starts uploading files, one request per file. */
  add: (files: File[] | FileList) => void
  /** Drops a file, cancelling its upload. */
  remove: (key: string) => void
  /** Forgets every file (after sending). */
  clear: () => void
  attachmentIds: string[]
  isUploading: boolean
  hasErrors: boolean
}

let keys = 0

/** Sends one file to an upload route and returns what the server made of it. */
export type UploadOne = (file: File, options: Required<Pick<UploadOptions, "onProgress">> & UploadOptions) => Promise<Attachment>

/** The affiliate's uploads, through the storefront client. */
export function useAttachmentUploads(
  client: AffiliateMessagingClient,
  options: { max?: number } = {}
): AttachmentUploadsState {
  const uploadOne = useCallback<UploadOne>(
    async (file, uploadOptions) => {
      const { attachments } = await client.attachments.upload([file], uploadOptions)
      if (!attachments[0]) {
        throw new Error(`${file.name}: the upload returned no file`)
      }
      return attachments[0]
    },
    [client]
  )
  return useFileUploads(uploadOne, options)
}

/**
 * Files picked or dropped into a composer: each is checked (type by name,
 * size) and uploaded at once in its own request with its own progress and
 * error, so sending only waits for what is still in flight. At most 10.
 * Shared by the storefront components and the admin composer, which upload
 * to their own side's route.
 */
export function useFileUploads(
  uploadOne: UploadOne,
  { max = MAX_ATTACHMENTS_PER_MESSAGE }: { max?: number } = {}
): AttachmentUploadsState {
  const [uploads, setUploads] = useState<PendingUpload[]>([])
  const [notice, setNotice] = useState<string | null>(null)
  const current = useRef<PendingUpload[]>([])
  const controllers = useRef(new Map<string, AbortController>())

  useEffect(() => {
    const running = controllers.current
    return () => running.forEach((controller) => controller.abort())
  }, [])

  const commit = useCallback((change: (previous: PendingUpload[]) => PendingUpload[]) => {
    current.current = change(current.current)
    setUploads(current.current)
  }, [])

  const patch = useCallback(
    (key: string, change: Partial<PendingUpload>) =>
      commit((previous) => previous.map((upload) => (upload.key === key ? { ...upload, ...change } : upload))),
    [commit]
  )

  const add = useCallback(
    (input: File[] | FileList) => {
      const files = Array.from(input)
      if (!files.length) {
        return
      }
      const room = Math.max(max - current.current.filter((upload) => !upload.error).length, 0)
      setNotice(
        files.length > room
          ? `A message can carry at most ${max} attachments; ${files.length - room === 1 ? "1 file was" : `${files.length - room} files were`} not added.`
          : null
      )
      const added: PendingUpload[] = files.slice(0, room).map((file) => ({
        key: `amsg-upload-${++keys}`,
        file,
        progress: 0,
        error: checkAttachmentFile(file) ?? undefined,
      }))
      commit((previous) => [...previous, ...added])
      for (const upload of added.filter((item) => !item.error)) {
        const controller = new AbortController()
        controllers.current.set(upload.key, controller)
        uploadOne(upload.file, {
          signal: controller.signal,
          onProgress: (fraction) => patch(upload.key, { progress: Math.min(fraction, 0.99) }),
        })
          .then((attachment) => patch(upload.key, { attachment, progress: 1 }))
          .catch((error: unknown) => {
            if (!isAbort(error)) {
              const message = toError(error).message
              patch(upload.key, { error: message.includes(upload.file.name) ? message : `${upload.file.name}: ${message}` })
            }
          })
          .finally(() => controllers.current.delete(upload.key))
      }
    },
    [uploadOne, commit, max, patch]
  )

  const remove = useCallback(
    (key: string) => {
      controllers.current.get(key)?.abort()
      controllers.current.delete(key)
      commit((previous) => previous.filter((upload) => upload.key !== key))
      setNotice(null)
    },
    [commit]
  )

  const clear = useCallback(() => {
    controllers.current.forEach((controller) => controller.abort())
    controllers.current.clear()
    commit(() => [])
    setNotice(null)
  }, [commit])

  return {
    uploads,
    notice,
    add,
    remove,
    clear,
    attachmentIds: uploads.flatMap((upload) => (upload.attachment ? [upload.attachment.id] : [])),
    isUploading: uploads.some((upload) => !upload.attachment && !upload.error),
    hasErrors: uploads.some((upload) => Boolean(upload.error)),
  }
}
