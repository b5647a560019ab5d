import { useFileUploads } from "../../react/hooks/use-attachment-uploads"
import { uploadAttachment } from "../lib/upload-attachment"

export type { PendingUpload } from "../../react/hooks/use-attachment-uploads"

/** The composer's files, uploaded to the admin route with the dashboard's session. */
export const useAttachmentUploads = () => useFileUploads(uploadAttachment)
