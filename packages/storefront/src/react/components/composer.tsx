import {
  useId,
  useRef,
  useState,
  type ClipboardEvent,
  type DragEvent,
  type KeyboardEvent,
} from "react"
import type { AffiliateMessagingClient } from "../../client/index.js"
import type { SendMessageBody } from "../../types/http/index.js"
import { MESSAGE_BODY_MAX_LENGTH } from "../../types/messaging.js"
import { ATTACHMENT_ACCEPT } from "../../shared/attachment-limits.js"
import { formatFileSize } from "../../shared/format-file-size.js"
import { useAttachmentUploads, type PendingUpload } from "../hooks/use-attachment-uploads.js"
import { toError } from "../internal/effects.js"
import { AlertIcon, CloseIcon, PaperclipIcon, SendIcon } from "./icons.js"

export type ComposerProps = {
  client: AffiliateMessagingClient
  onSend: (message: SendMessageBody) => Promise<unknown>
  placeholder?: string
  sendLabel?: string
  label?: string
  autoFocus?: boolean
}

function UploadChip({ upload, onRemove }: { upload: PendingUpload; onRemove: () => void }) {
  const done = Boolean(upload.attachment)
  const percent = Math.round(upload.progress * 100)
  return (
    <li
      className="amsg-upload"
      data-state={upload.error ? "error" : done ? "uploaded" : "uploading"}
      data-testid="amsg-upload"
    >
      <span className="amsg-upload-text">
        <span className="amsg-upload-name" title={upload.file.name}>
          {upload.file.name}
        </span>
        <span className="amsg-upload-status">
          {upload.error ?? (done ? formatFileSize(upload.file.size) : `Uploading… ${percent}%`)}
        </span>
      </span>
      <button
        type="button"
        className="amsg-icon-btn"
        data-size="small"
        aria-label={`Remove ${upload.file.name}`}
        onClick={onRemove}
      >
        <CloseIcon />
      </button>
      {!done && !upload.error && (
        <span
          className="amsg-progress"
          role="progressbar"
          aria-label={`Uploading ${upload.file.name}`}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
          style={{ width: `${percent}%` }}
        />
      )}
    </li>
  )
}

const hasFiles = (event: DragEvent) => Array.from(event.dataTransfer?.types ?? []).includes("Files")

/**
 * Multi-line message box: Ctrl/⌘+Enter sends; files are picked, dropped or
 * pasted and uploaded at once (≤ 10), each with its own progress and error.
 * The text stays when sending fails, with the server's message shown.
 */
export function Composer({
  client,
  onSend,
  placeholder = "Write a message…",
  sendLabel = "Send",
  label = "Message",
  autoFocus,
}: ComposerProps) {
  const [body, setBody] = useState("")
  const [dragging, setDragging] = useState(false)
  const [sending, setSending] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const textarea = useRef<HTMLTextAreaElement>(null)
  const fileInput = useRef<HTMLInputElement>(null)
  const uploads = useAttachmentUploads(client)
  const hintId = useId()
  const errorId = useId()

  const trimmed = body.trim()
  const empty = !trimmed && uploads.attachmentIds.length === 0
  const blocker = uploads.isUploading
    ? "Waiting for uploads to finish…"
    : uploads.hasErrors
      ? "Remove the files that cannot be sent."
      : trimmed.length > MESSAGE_BODY_MAX_LENGTH
        ? `Messages can have at most ${MESSAGE_BODY_MAX_LENGTH.toLocaleString("en-US")} characters (${trimmed.length.toLocaleString("en-US")} now).`
        : null

  const resize = () => {
    const element = textarea.current
    if (element) {
      element.style.height = "auto"
      element.style.height = `${Math.min(element.scrollHeight, 200)}px`
      element.style.overflowY = element.scrollHeight > 200 ? "auto" : "hidden"
    }
  }

  const send = async () => {
    if (sending || empty || blocker) {
      return
    }
    setSending(true)
    setError(null)
    try {
      await onSend({
        body: trimmed,
        ...(uploads.attachmentIds.length ? { attachment_ids: uploads.attachmentIds } : {}),
      })
      setBody("")
      uploads.clear()
      requestAnimationFrame(resize)
    } catch (caught) {
      setError(toError(caught).message)
    } finally {
      setSending(false)
      textarea.current?.focus()
    }
  }

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === "Enter" && (event.metaKey || event.ctrlKey)) {
      event.preventDefault()
      void send()
    }
  }

  const onPaste = (event: ClipboardEvent<HTMLTextAreaElement>) => {
    const files = Array.from(event.clipboardData?.files ?? [])
    if (files.length) {
      if (!event.clipboardData.getData("text/plain")) {
        event.preventDefault()
      }
      uploads.add(files)
    }
  }

  return (
    <div className="amsg-composer-outer">
      <div
        className="amsg-composer"
        data-testid="amsg-composer"
        onDragEnter={(event) => {
          if (hasFiles(event)) {
            event.preventDefault()
            setDragging(true)
          }
        }}
        onDragOver={(event) => {
          if (hasFiles(event)) {
            event.preventDefault()
            event.dataTransfer.dropEffect = "copy"
            setDragging(true)
          }
        }}
        onDragLeave={(event) => {
          if (!event.currentTarget.contains(event.relatedTarget as Node | null)) {
            setDragging(false)
          }
        }}
        onDrop={(event) => {
          event.preventDefault()
          setDragging(false)
          uploads.add(event.dataTransfer.files)
        }}
      >
        <textarea
          ref={textarea}
          className="amsg-textarea"
          aria-label={label}
          aria-describedby={`${hintId}${error ? ` ${errorId}` : ""}`}
          placeholder={placeholder}
          value={body}
          rows={2}
          autoFocus={autoFocus}
          onChange={(event) => {
            setBody(event.target.value)
            resize()
          }}
          onKeyDown={onKeyDown}
          onPaste={onPaste}
        />
        {uploads.uploads.length > 0 && (
          <ul className="amsg-uploads" aria-label="Attachments">
            {uploads.uploads.map((upload) => (
              <UploadChip key={upload.key} upload={upload} onRemove={() => uploads.remove(upload.key)} />
            ))}
          </ul>
        )}
        <div className="amsg-composer-bar">
          <div className="amsg-composer-tools">
            <button
              type="button"
              className="amsg-icon-btn"
              aria-label="Attach files"
              title="Attach files (or drop them here)"
              onClick={() => fileInput.current?.click()}
            >
              <PaperclipIcon />
            </button>
            <input
              ref={fileInput}
              type="file"
              multiple
              hidden
              accept={ATTACHMENT_ACCEPT}
              tabIndex={-1}
              aria-hidden="true"
              data-testid="amsg-file-input"
              onChange={(event) => {
                uploads.add(Array.from(event.target.files ?? []))
                event.target.value = ""
              }}
            />
            <span id={hintId} className="amsg-hint" aria-live="polite">
              {blocker ?? (
                <>
                  <span className="amsg-hint-keys">Ctrl/⌘ + Enter to send · </span>
                  Images ≤ 30 MB, documents ≤ 250 MB
                </>
              )}
            </span>
          </div>
          <button
            type="button"
            className="amsg-btn"
            onClick={() => void send()}
            disabled={sending || empty || Boolean(blocker)}
            aria-busy={sending || undefined}
          >
            {sending ? <span className="amsg-spin" aria-hidden="true" /> : <SendIcon />}
            {sendLabel}
          </button>
        </div>
        {dragging && (
          <div className="amsg-drop" aria-hidden="true">
            <PaperclipIcon /> Drop files to attach them
          </div>
        )}
      </div>
      {uploads.notice && (
        <p className="amsg-alert" role="alert">
          <AlertIcon />
          {uploads.notice}
        </p>
      )}
      {error && (
        <p id={errorId} className="amsg-alert" role="alert" data-testid="amsg-send-error">
          <AlertIcon />
          {error}
        </p>
      )}
    </div>
  )
}
