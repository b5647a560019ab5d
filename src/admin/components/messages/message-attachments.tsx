import { DocumentText } from "@medusajs/icons"
import { Text } from "@medusajs/ui"
import type { Attachment } from "../../../types/http"
import { formatFileSize } from "medusa-plugin-affiliate-messaging-storefront"
import { backendHref } from "../../lib/sdk"

const isImage = (attachment: Attachment) => attachment.mime_type.startsWith("image/")

/** Images as thumbnails, everything else as file chips; both download on click. */
export const MessageAttachments = ({ attachments }: { attachments: Attachment[] }) => {
  const images = attachments.filter(isImage)
  const files = attachments.filter((attachment) => !isImage(attachment))
  return (
    <div className="flex flex-col gap-y-2">
      {images.length > 0 && (
        <div className="flex flex-wrap gap-2">
          {images.map((image) => (
            <a
              key={image.id}
              href={backendHref(image.url)}
              download={image.filename}
              title={`${image.filename} (${formatFileSize(image.size)})`}
              className="shadow-borders-base block overflow-hidden rounded-lg"
            >
              <img
                src={backendHref(image.url)}
                alt={image.filename}
                loading="lazy"
                data-testid="attachment-thumbnail"
                className="bg-ui-bg-component h-32 w-auto max-w-[240px] object-cover"
              />
            </a>
          ))}
        </div>
      )}
      {files.map((file) => (
        <a
          key={file.id}
          href={backendHref(file.url)}
          download={file.filename}
          data-testid="attachment-file"
          className="bg-ui-bg-base shadow-borders-base hover:bg-ui-bg-base-hover flex max-w-[320px] items-center gap-x-2 rounded-lg px-3 py-2"
        >
          <DocumentText className="text-ui-fg-subtle shrink-0" />
          <div className="flex min-w-0 flex-col">
            <Text size="small" weight="plus" className="truncate">
              {file.filename}
            </Text>
            <Text size="xsmall" className="text-ui-fg-muted">
              {formatFileSize(file.size)}
            </Text>
          </div>
        </a>
      ))}
    </div>
  )
}
