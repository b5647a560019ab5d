import { useState } from "react"
import type { AffiliateMessagingClient } from "../../client/index.js"
import type { Attachment } from "../../types/http/index.js"
import { formatFileSize } from "../../shared/format-file-size.js"
import { saveAttachment, useAttachmentUrl } from "../hooks/use-attachment-url.js"
import { toError } from "../internal/effects.js"
import { AlertIcon, FileIcon } from "./icons.js"

const isImage = (attachment: Attachment) => /^image\/(jpeg|png|gif)$/.test(attachment.mime_type)

function FileChip({ client, file }: { client: AffiliateMessagingClient; file: Attachment }) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const download = async () => {
    setBusy(true)
    setError(null)
    try {
      await saveAttachment(client, file)
    } catch (caught) {
      setError(toError(caught).message)
    } finally {
      setBusy(false)
    }
  }
  return (
    <div>
      <button
        type="button"
        className="amsg-file"
        onClick={download}
        disabled={busy}
        aria-label={`Download ${file.filename} (${formatFileSize(file.size)})`}
        data-testid="amsg-attachment-file"
      >
        <span className="amsg-file-icon">
          <FileIcon />
        </span>
        <span className="amsg-file-text">
          <span className="amsg-file-name" title={file.filename}>
            {file.filename}
          </span>
          <span className="amsg-file-size">{busy ? "Downloading…" : formatFileSize(file.size)}</span>
        </span>
      </button>
      {error && (
        <p className="amsg-alert" role="alert">
          <AlertIcon />
          {error}
        </p>
      )}
    </div>
  )
}

function Thumbnail({ client, image }: { client: AffiliateMessagingClient; image: Attachment }) {
  const { url, error } = useAttachmentUrl(client, image)
  const label = `${image.filename} (${formatFileSize(image.size)})`
  if (error) {
    return <FileChip client={client} file={image} />
  }
  if (!url) {
    return (
      <span className="amsg-thumb" role="img" aria-label={`Loading ${label}`}>
        <span className="amsg-thumb-placeholder amsg-skeleton" />
      </span>
    )
  }
  return (
    <a className="amsg-thumb" href={url} target="_blank" rel="noopener noreferrer" title={`Open ${label}`} data-testid="amsg-attachment-image">
      <img className="amsg-thumb-img" src={url} alt={image.filename} />
    </a>
  )
}

/** Images as thumbnails (fetched with the member's token), other files as chips that download. */
export function MessageAttachments({
  client,
  attachments,
}: {
  client: AffiliateMessagingClient
  attachments: Attachment[]
}) {
  return (
    <div className="amsg-attachments">
      {attachments.filter(isImage).map((image) => (
        <Thumbnail key={image.id} client={client} image={image} />
      ))}
      {attachments
        .filter((attachment) => !isImage(attachment))
        .map((file) => (
          <FileChip key={file.id} client={client} file={file} />
        ))}
    </div>
  )
}
