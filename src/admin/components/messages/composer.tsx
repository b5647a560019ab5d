import { Button, Kbd, Text, Textarea, Tooltip, clx, toast } from "@medusajs/ui"
import { DragEvent, KeyboardEvent, useState } from "react"
import { MESSAGE_BODY_MAX_LENGTH } from "../../../types/messaging"
import { useAttachmentUploads } from "../../hooks/use-attachment-uploads"
import { apiErrorMessage } from "../../lib/api-error"
import { AttachFilesButton, UploadList, uploadsBlocker } from "./attachment-uploads"

export type ComposerMessage = { body: string; attachment_ids?: string[] }

type ComposerProps = {
  onSend: (message: ComposerMessage) => Promise<unknown>
  isSending: boolean
  placeholder?: string
  sendLabel?: string
  autoFocus?: boolean
}

/**
 * Multi-line message box: Ctrl/Cmd+Enter sends, files are picked or dropped
 * and uploaded at once (up to 10), each with its own progress and error.
 */
export const Composer = ({
  onSend,
  isSending,
  placeholder = "Write a message…",
  sendLabel = "Send",
  autoFocus,
}: ComposerProps) => {
  const [body, setBody] = useState("")
  const [dragging, setDragging] = useState(false)
  const uploads = useAttachmentUploads()

  const blocker =
    uploadsBlocker(uploads) ??
    (!body.trim() && uploads.attachmentIds.length === 0
      ? "Write a message or attach a file"
      : body.trim().length > MESSAGE_BODY_MAX_LENGTH
        ? `A message can have at most ${MESSAGE_BODY_MAX_LENGTH.toLocaleString()} characters`
        : null)

  const send = async () => {
    if (blocker || isSending) {
      return
    }
    try {
      await onSend({
        body: body.trim(),
        ...(uploads.attachmentIds.length ? { attachment_ids: uploads.attachmentIds } : {}),
      })
      setBody("")
      uploads.clear()
    } catch (error) {
      toast.error(apiErrorMessage(error))
    }
  }

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === "Enter" && (event.metaKey || event.ctrlKey)) {
      event.preventDefault()
      void send()
    }
  }

  const onDrop = (event: DragEvent) => {
    event.preventDefault()
    setDragging(false)
    uploads.add(Array.from(event.dataTransfer.files))
  }

  return (
    <div
      data-testid="message-composer"
      className={clx(
        "bg-ui-bg-field shadow-borders-base relative flex flex-col gap-y-2 rounded-lg p-2",
        dragging && "shadow-borders-interactive-with-active"
      )}
      onDragOver={(event) => {
        event.preventDefault()
        setDragging(true)
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <Textarea
        aria-label="Message"
        value={body}
        onChange={(event) => setBody(event.target.value)}
        onKeyDown={onKeyDown}
        placeholder={placeholder}
        autoFocus={autoFocus}
        rows={3}
        className="bg-transparent shadow-none hover:bg-transparent focus-visible:shadow-none"
      />
      <UploadList uploads={uploads} />
      <div className="flex items-center justify-between gap-x-2">
        <div className="flex items-center gap-x-2">
          <AttachFilesButton uploads={uploads} />
          <Text size="xsmall" className="text-ui-fg-muted hidden md:block">
            Images up to 30 MB, documents up to 250 MB
          </Text>
        </div>
        <div className="flex items-center gap-x-2">
          <Kbd className="hidden md:inline-flex">⌘ / Ctrl + ↵</Kbd>
          <Tooltip content={blocker ?? sendLabel}>
            <Button
              type="button"
              size="small"
              onClick={send}
              isLoading={isSending}
              disabled={Boolean(blocker)}
            >
              {sendLabel}
            </Button>
          </Tooltip>
        </div>
      </div>
      {dragging && (
        <div className="bg-ui-bg-base/80 text-ui-fg-subtle pointer-events-none absolute inset-0 flex items-center justify-center rounded-lg">
          <Text size="small" weight="plus">
            Drop files to attach them
          </Text>
        </div>
      )}
    </div>
  )
}
