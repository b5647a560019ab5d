/**
 * Attachment limits, free of Node APIs so the admin and storefront bundles
 * can check a file before uploading it (the server still sniffs the content).
 */
export const MB = 1024 * 1024
export const IMAGE_LIMIT = 30 * MB
export const DOCUMENT_LIMIT = 250 * MB
/** The largest limit: what a file may reach before its type is known. */
export const MAX_ATTACHMENT_SIZE = DOCUMENT_LIMIT

const IMAGE_EXTENSIONS = ["jpg", "jpeg", "png", "gif"]
const DOCUMENT_EXTENSIONS = [
  "pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods", "odp", "txt", "csv",
]

/** For `<input type="file" accept>`. */
export const ATTACHMENT_ACCEPT = [...IMAGE_EXTENSIONS, ...DOCUMENT_EXTENSIONS]
  .map((extension) => `.${extension}`)
  .join(",")

/**
 * What a picked file will meet on the server, judged by its name: the limit
 * for its kind, or a message saying why it cannot be sent.
 */
export function checkAttachmentFile(file: { name: string; size: number }): string | null {
  const extension = file.name.toLowerCase().split(".").pop() ?? ""
  const isImage = IMAGE_EXTENSIONS.includes(extension)
  if (!isImage && !DOCUMENT_EXTENSIONS.includes(extension)) {
    return `${file.name}: this file type cannot be attached (images: JPEG, PNG, GIF; documents: PDF, Word, Excel, PowerPoint, OpenDocument, text, CSV)`
  }
  const limit = isImage ? IMAGE_LIMIT : DOCUMENT_LIMIT
  if (file.size > limit) {
    return `${file.name}: larger than ${limit / MB} MB, the limit for ${isImage ? "images" : "documents"}`
  }
  return null
}
