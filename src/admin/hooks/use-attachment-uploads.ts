import { useFileUploads } from "medusa-plugin-affiliate-messaging-storefront/react"
import { uploadAttachment } from "../lib/upload-attachment"

export type { PendingUpload } from "medusa-plugin-affiliate-messaging-storefront/react"

/** The composer's files, uploaded to the admin route with the dashboard's session. */
export const useAttachmentUploads = () => useFileUploads(uploadAttachment)
