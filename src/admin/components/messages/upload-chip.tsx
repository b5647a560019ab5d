import { ExclamationCircle, XMarkMini } from "@medusajs/icons"
import { IconButton, Text, clx } from "@medusajs/ui"
import type { PendingUpload } from "../../hooks/use-attachment-uploads"
import { formatFileSize } from "medusa-plugin-affiliate-messaging-storefront"

/** One picked file in the composer: name, size, upload progress or the error. */
export const UploadChip = ({ upload, onRemove }: { upload: PendingUpload; onRemove: () => void }) => {
  const done = Boolean(upload.attachment)
  return (
    <li
      data-testid="upload-chip"
      data-state={upload.error ? "error" : done ? "uploaded" : "uploading"}
      className={clx(
        "bg-ui-bg-component shadow-borders-base relative flex max-w-[280px] items-center gap-x-2 overflow-hidden rounded-md py-1 pl-2 pr-1",
        upload.error && "shadow-borders-error"
      )}
    >
      {upload.error && <ExclamationCircle className="text-ui-fg-error shrink-0" />}
      <div className="flex min-w-0 flex-col">
        <Text size="xsmall" weight="plus" className="truncate" title={upload.file.name}>
          {upload.file.name}
        </Text>
        <Text size="xsmall" className={clx("truncate", upload.error ? "text-ui-fg-error" : "text-ui-fg-muted")} title={upload.error}>
          {upload.error ?? (done ? formatFileSize(upload.file.size) : `${Math.round(upload.progress * 100)}%`)}
        </Text>
      </div>
      <IconButton size="2xsmall" variant="transparent" type="button" aria-label={`Remove ${upload.file.name}`} onClick={onRemove}>
        <XMarkMini />
      </IconButton>
      {!done && !upload.error && (
        <span
          role="progressbar"
          aria-valuenow={Math.round(upload.progress * 100)}
          className="bg-ui-fg-interactive absolute bottom-0 left-0 h-0.5 transition-[width]"
          style={{ width: `${upload.progress * 100}%` }}
        />
      )}
    </li>
  )
}
