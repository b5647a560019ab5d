import { PaperClip } from "@medusajs/icons"
import { IconButton, Text, Tooltip } from "@medusajs/ui"
import { useRef } from "react"
import { ATTACHMENT_ACCEPT } from "medusa-plugin-affiliate-messaging-storefront"
import type { useAttachmentUploads } from "../../hooks/use-attachment-uploads"
import { UploadChip } from "./upload-chip"

type Uploads = ReturnType<typeof useAttachmentUploads>

/**
 * The paper clip and its hidden file input, shared by the thread composer
 * and the broadcast form: files are uploaded as soon as they are picked.
 */
export const AttachFilesButton = ({ uploads }: { uploads: Uploads }) => {
  const fileInput = useRef<HTMLInputElement>(null)
  return (
    <>
      <Tooltip content="Attach files (or drop them here)">
        <IconButton
          type="button"
          size="small"
          variant="transparent"
          aria-label="Attach files"
          onClick={() => fileInput.current?.click()}
        >
          <PaperClip />
        </IconButton>
      </Tooltip>
      <input
        ref={fileInput}
        type="file"
        multiple
        hidden
        accept={ATTACHMENT_ACCEPT}
        data-testid="attachment-input"
        onChange={(event) => {
          uploads.add(Array.from(event.target.files ?? []))
          event.target.value = ""
        }}
      />
    </>
  )
}

/** The picked files with their progress or error, and the notice for refused picks. */
export const UploadList = ({ uploads }: { uploads: Uploads }) => (
  <>
    {uploads.uploads.length > 0 && (
      <ul className="flex flex-wrap gap-2" aria-label="Attachments">
        {uploads.uploads.map((upload) => (
          <UploadChip key={upload.key} upload={upload} onRemove={() => uploads.remove(upload.key)} />
        ))}
      </ul>
    )}
    {uploads.notice && (
      <Text size="small" className="text-ui-fg-error">
        {uploads.notice}
      </Text>
    )}
  </>
)

/** Why the files cannot be sent yet, or null. */
export const uploadsBlocker = (uploads: Uploads) =>
  uploads.isUploading
    ? "Wait for the uploads to finish"
    : uploads.hasErrors
      ? "Remove the files that could not be uploaded"
      : null
